import sys

from medinfo.cli import main

sys.exit(main())
