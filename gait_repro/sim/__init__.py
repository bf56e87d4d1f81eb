"Chapter 20 — simulation: kinematics, the person-level walker with exact truth, participants, the synthetic cohorts and test fixtures."
