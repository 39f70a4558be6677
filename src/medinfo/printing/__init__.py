"""Paper: handouts, the pack and the tracker as PDFs, and the QR code back to the page."""
