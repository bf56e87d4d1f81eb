"The reproduced studies, one subpackage each (chapters 30 onwards)."
