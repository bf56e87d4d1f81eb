"Chapter 10 — gait measurement: preprocessing, gait events, spatiotemporal parameters, GDI, agreement statistics and accuracy evaluation."
