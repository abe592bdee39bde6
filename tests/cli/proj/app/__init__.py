"""The app package."""
print("app init:", __name__, __package__)
VERSION = "1.0"
