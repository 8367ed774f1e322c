"""What the `strategie` commands tell the MkDocs hook in MkDocs' own process.

`strategie build` has already loaded and validated the strategy to print its problems; it
then generates the pages itself (site/engine_build.py) and runs the engine on a generated
configuration with the navigation, the edition line and the site's identity
(site/engine_config.py), with `PREPARED_VARIABLE` set. The hook then generates nothing
(at 3,000 measures a second pass in the MkDocs process cost seconds).

Without the variable (`mkdocs build`, `mkdocs serve`, mike) the hook generates as before.
This module imports nothing of the generator, so the hook stays cheap when it is used.
"""

from __future__ import annotations

#: Environment variable: set (to "1") when the pages and the generated configuration are
#: ready and the hook must not generate them again.
PREPARED_VARIABLE = "STRATEGIE_VORBEREITET"
#: Environment variable: set (to "1") for the quick preview, `strategie serve --schnell`, which
#: runs MkDocs' dirty rebuilds; the hook then keeps navigation and search current.
QUICK_VARIABLE = "STRATEGIE_SCHNELL"
