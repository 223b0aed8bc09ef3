"""CCIAA Pistoia, Piano 2020-2022 as revised by G.C. n. 63 of 09/09/2020 (seeds 002 and 000); see _pistoia."""

from ._pistoia import assemble

OUTPUT = "cciaa_pistoia_2020_revisione.xlsx"
YEARS = [2018, 2019, 2020, 2021, 2022]
DATA = assemble(include_revision=True)
