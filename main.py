"""Entry point: `python main.py <command> ...` runs the command line (see `python main.py --help`)."""

from review.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
