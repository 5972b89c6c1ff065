"""Exports as pure functions: plain data in (a `Timetable`, document dataclasses), bytes out.

Nothing here touches the ORM or a request; the views, tasks and the `export` command load the data
and hand it over. Excel with openpyxl, PDF with WeasyPrint, calendars with icalendar.
"""
