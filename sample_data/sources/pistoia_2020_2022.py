"""CCIAA Pistoia, Piano della Performance 2020-2022 (seed 002); the data is in the _pistoia package."""

from ._pistoia import assemble

OUTPUT = "cciaa_pistoia_2020_2022.xlsx"
YEARS = [2018, 2019, 2020, 2021, 2022]
DATA = assemble(include_revision=False)
