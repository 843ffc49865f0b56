"""The command line: one thin module per command group, calling the library.

May import every stage; holds no logic beyond parsing arguments and formatting output.
"""
