"""Norway's county career guidance centres: from YAML data to a validated package and a static site."""
