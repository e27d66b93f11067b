"""Entry point: `python main.py` opens the desktop app; `python main.py <command> ...` runs the command line
(see `python main.py --help`)."""

import sys

if __name__ == "__main__":
    if len(sys.argv) > 1:
        from review.cli import main

        raise SystemExit(main())
    from gui.app import main as app

    raise SystemExit(app())
