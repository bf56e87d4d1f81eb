"Chapter 00 — pose data: skeletons, the pose sequence, tracking the walker, and the readers and writers of every pose format."
