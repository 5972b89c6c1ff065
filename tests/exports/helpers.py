"""Reading downloads back in the export view tests."""

from __future__ import annotations

import io

import openpyxl
from pypdf import PdfReader


def workbook(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment;")
    return openpyxl.load_workbook(io.BytesIO(response.content))


def session_courses(wb) -> list[str]:
    return [row[0] for row in wb["Sessions"].iter_rows(min_row=2, values_only=True)]


def pdf_text(response) -> str:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
