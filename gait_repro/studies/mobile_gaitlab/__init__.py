"Chapter 30 — the mobile-gaitlab study (Kidziński et al. 2020): dataset, the 1D CNN port and the study."
