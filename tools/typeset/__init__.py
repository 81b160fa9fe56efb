"""Typeset the UN's Akoma Ntoso files into PDFs that look like the UN's, and read them back.

Issue 9: the converter was measured only on text our own helper rewraps (tests/corpus.py).
Real extractors (pdftotext, PyMuPDF, pdfminer.six) make mistakes our helper never makes, so
this package prints each resolution the way the UN's Word templates do (``html`` builds the
page content, ``style`` the geometry taken from the UN's PDFs, ``pdf`` runs WeasyPrint), reads
the PDF back with each extractor (``extract``), and adds the damage that extractors and
third-party cleaners really do (``degrade``). tools/extraction_score.py scores the converter
on all of it. None of this is imported by the ``akn`` package: PyMuPDF is AGPL and WeasyPrint
heavy, so both are test and tool dependencies only (the ``typeset`` extra).
"""
