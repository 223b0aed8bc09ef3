"""View models: what each document shows, as plain data for the DOCX and PDF backends."""
