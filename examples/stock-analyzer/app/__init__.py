"""The stock analyzer application (only its models live in this example)."""
