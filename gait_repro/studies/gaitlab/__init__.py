"Chapter 60 — GaitLab: the nine-class gait classifier from video and clinical text, reproduced without its label leak."
