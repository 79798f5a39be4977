"""Build and check the site. See README.md, or run: python build.py --help"""

import sys

from karriere.cli import main

if __name__ == "__main__":
    sys.exit(main())
