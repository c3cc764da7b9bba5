// A model source for the misuse cases; never compiled.
