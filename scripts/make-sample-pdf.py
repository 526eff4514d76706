#!/usr/bin/env python3
"""Writes assets/sample-mahnung.pdf: a one-page sample dunning letter (valid PDF 1.4, WinAnsi text)."""
import os, sys

lines = [
    (72, 770, 16, "Muster GmbH - Buchhaltung"),
    (72, 740, 10, "Musterstrasse 1, 12345 Musterstadt"),
    (72, 680, 20, "Mahnung"),
    (72, 650, 11, "Rechnung 2026-0815 vom 01.10.2026"),
    (72, 620, 11, "Sehr geehrte Damen und Herren,"),
    (72, 600, 11, "bei der Durchsicht unserer Buchhaltung haben wir festgestellt, dass folgender"),
    (72, 585, 11, "Betrag noch offen ist: 1.234,56 EUR (faellig seit 31.10.2026)."),
    (72, 560, 11, "Bitte ueberweisen Sie den Betrag bis zum 06.12.2026."),
    (72, 530, 11, "Mit freundlichen Gruessen"),
    (72, 515, 11, "Ihre Buchhaltung"),
    (72, 80, 8, "Beispieldokument von OPOS Mail - keine echte Forderung."),
]
content = "".join(f"BT /F1 {s} Tf {x} {y} Td ({t}) Tj ET\n" for x, y, s, t in lines).encode("latin-1")
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    b"<< /Title (Mahnung 2026-0815) /Producer (OPOS Mail) >>",
]
out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for i, body in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "sample-mahnung.pdf")
open(sys.argv[1] if len(sys.argv) > 1 else target, "wb").write(out)
