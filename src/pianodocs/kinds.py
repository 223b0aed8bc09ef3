"""The document kinds pianodocs knows, with their Italian descriptions."""

from __future__ import annotations

DOCUMENT_KINDS: dict[str, str] = {
    "piano-performance": "Piano della Performance (triennale)",
    "pira": "Piano degli Indicatori e dei Risultati attesi di Bilancio (PIRA)",
    "monitoraggio": "Monitoraggio: situazione degli indicatori a una data",
    "relazione-performance": "Relazione sulla Performance (risultati dell'anno)",
    "allegato-delibera": "Allegato alla deliberazione di Giunta (revisione dei target)",
    "cruscotto": "Cruscotto strategico pluriennale con registro delle modifiche",
}
