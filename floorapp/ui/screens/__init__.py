"""The full-window screens of the floor app: sign-in, home, job screens and their placeholders."""
