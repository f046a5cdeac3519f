"""The app's screens: one job per module; none of them opens the store."""
