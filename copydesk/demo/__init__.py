"""The bundled demo corpus of copydesk and the generator that writes it."""
