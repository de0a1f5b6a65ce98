"""Reporters render findings; they never compute."""
