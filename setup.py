"""Packaging for gait_repro: every field comes from settings.ini (nbdev 2 convention).
nbdev writes a pyproject.toml whose fields are all 'dynamic', so each of them is set here."""
from configparser import ConfigParser
from pathlib import Path
import setuptools

cfg = ConfigParser(delimiters=["="])
cfg.read("settings.ini", encoding="utf-8")
cfg = cfg["DEFAULT"]
readme = Path("README.md")

setuptools.setup(
    name=cfg["lib_name"],
    version=cfg["version"],
    description=cfg["description"],
    long_description=readme.read_text(encoding="utf-8") if readme.exists() else cfg["description"],
    long_description_content_type="text/markdown",
    keywords=cfg["keywords"].split(),
    author=cfg["author"],
    author_email=cfg["author_email"],
    license="Apache-2.0",
    url=cfg["git_url"],
    project_urls={"Documentation": cfg["doc_host"]},
    classifiers=["Programming Language :: Python :: 3.11", "Intended Audience :: Science/Research",
                 "Topic :: Scientific/Engineering :: Medical Science Apps.", "License :: OSI Approved :: Apache Software License"],
    python_requires=">=" + cfg["min_python"],
    packages=setuptools.find_packages(include=["gait_repro", "gait_repro.*"]),
    package_data={"gait_repro": ["resources/*", "resources/*/*"]},
    install_requires=cfg.get("requirements", "").split(),
    extras_require={"dev": cfg.get("dev_requirements", "").split()},
    entry_points={
        "console_scripts": cfg.get("console_scripts", "").split(),
        "nbdev": [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"],
    },
    zip_safe=False,
)
