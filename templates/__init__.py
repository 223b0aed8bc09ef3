"""Templates shipped with pianodocs: HTML/CSS for the PDF, DOCX for Word. Users may copy and edit them."""
