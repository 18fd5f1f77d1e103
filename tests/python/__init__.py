"""Python tests for the bridge simulator (run: python3 -m unittest discover -s tests/python -t .)."""
