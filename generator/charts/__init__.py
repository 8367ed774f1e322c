"""Static SVG charts of the Auswertung, drawn at build time; pure, no JavaScript."""
