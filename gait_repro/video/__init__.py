"Chapter 40 — video: pose from video files with an offline estimator (and, next, `gait-repro analyze`)."
