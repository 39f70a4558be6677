// "My test calendar": the reader's own test months, from their course dates and the
// schedule in the page (made from monitoring-schedule.yaml). The sums are the ones in
// src/medinfo/personal_schedule.py. Nothing leaves the device: no request is made, and
// the dates are stored only if the reader ticks "Remember my dates on this device".
(function () {
  "use strict";

  var STORE = "test-calendar-dates";
  var COURSES = 4;
  var form = document.getElementById("test-calendar");
  var data = JSON.parse(form.getAttribute("data-schedule"));
  var earliest = parse(data.earliestCourse);
  var result = document.getElementById("test-calendar-result");
  var status = document.getElementById("test-calendar-status");
  var download = document.getElementById("download-calendar");
  var remember = document.getElementById("remember-dates");
  var months = [];
  // The months to tick, laid out for paper.
  var paper = null;

  // Dates are plain calendar days (no time, no time zone): [year, month 1-12, day].
  function parse(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
  }
  function daysIn(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }
  function addMonths(day, count) {
    var index = day[1] - 1 + count;
    var year = day[0] + Math.floor(index / 12);
    var month = (index % 12) + 1;
    return [year, month, Math.min(day[2], daysIn(year, month))];
  }
  function compare(a, b) {
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  }
  function monthsBetween(start, end) {
    var count = (end[0] - start[0]) * 12 + end[1] - start[1];
    return compare(addMonths(start, count), end) <= 0 ? count : count - 1;
  }
  function iso(day) {
    return day[0] + "-" + String(day[1]).padStart(2, "0") + "-" + String(day[2]).padStart(2, "0");
  }
  function words(day, monthStyle) {
    return new Date(Date.UTC(day[0], day[1] - 1, day[2])).toLocaleDateString("en-GB", {
      day: "numeric", month: monthStyle || "long", year: "numeric", timeZone: "UTC"
    });
  }
  function today() {
    var now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()];
  }

  function field(number, part) {
    return document.getElementById("course-" + number + "-" + part);
  }
  // A message by a field: a refusal marks the field invalid; a note (refused false) only asks to check.
  function say(number, part, message, refused) {
    var input = field(number, part);
    document.getElementById(input.id + "-message").textContent = message;
    if (message && refused !== false) {
      input.setAttribute("aria-invalid", "true");
    } else {
      input.removeAttribute("aria-invalid");
    }
  }

  // The courses entered, in order, or null (with a message by each field) if they cannot be used.
  function courses() {
    var found = [];
    var ok = true;
    for (var n = 1; n <= COURSES; n += 1) {
      say(n, "first", "");
      say(n, "last", "");
      var first = parse(field(n, "first").value);
      var last = parse(field(n, "last").value);
      if (!first && !last) {
        continue;
      }
      if (!first || !last) {
        say(n, first ? "last" : "first", "Enter both dates of this course.");
        ok = false;
        continue;
      }
      // The rules of medinfo.personal_schedule.course_problems, with its limits from the page's data.
      var latest = addMonths(today(), data.planAheadMonths);
      [["first", first], ["last", last]].forEach(function (pair) {
        if (compare(pair[1], earliest) < 0) {
          say(n, pair[0], "Check the year: this date is too long ago.");
          ok = false;
        } else if (compare(pair[1], latest) > 0) {
          say(n, pair[0], "This date is more than " + data.planAheadMonths + " months ahead. Check the year.");
          ok = false;
        }
      });
      if (compare(last, first) < 0) {
        say(n, "last", "The last drip comes before the first day of this course.");
        ok = false;
      }
      var before = found[found.length - 1];
      if (before && compare(first, before.last) <= 0) {
        say(n, "first", "This course starts before course " + before.number + " ends.");
        ok = false;
      } else if (before && data.courseGapMonths && monthsBetween(before.first, first) < data.courseGapMonths) {
        // Clinics book "one year later" around their own diaries: a note to check, not a refusal.
        say(n, "first", "Courses are usually " + data.courseGapMonths +
          " months apart. Check this date with your MS team.", false);
      }
      found.push({ number: n, first: first, last: last });
    }
    if (!found.length) {
      say(1, "first", "Enter the first day of your first course.");
      return null;
    }
    return ok ? found : null;
  }

  // Every month with a test: month 0 is the first course's first day.
  function testMonths(found) {
    var start = found[0].first;
    var lastDrip = found[found.length - 1].last;
    var longest = Math.max.apply(null, data.tests.map(function (t) { return t.untilMonthsAfterLastCourse; }));
    var end = addMonths(lastDrip, longest);
    var rows = [];
    for (var month = 0; compare(addMonths(start, month), end) <= 0; month += 1) {
      var date = addMonths(start, month);
      var due = data.tests.filter(function (test) {
        return month % test.everyMonths === 0 &&
          compare(date, addMonths(lastDrip, test.untilMonthsAfterLastCourse)) <= 0;
      });
      if (due.length) {
        rows.push({ month: month, date: date, tests: due });
      }
    }
    return { rows: rows, end: end };
  }

  // An empty table with a row of column headings.
  function tableWithHeadings(className, headings) {
    var table = document.createElement("table");
    table.className = className;
    var head = table.createTHead().insertRow();
    headings.forEach(function (name) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = name;
      head.appendChild(th);
    });
    table.createTBody();
    return table;
  }

  // The names of a month's tests, each a link to the page that explains them.
  function testLinks(cell, tests) {
    tests.forEach(function (test, i) {
      var link = document.createElement(data.testsPage ? "a" : "span");
      if (data.testsPage) {
        link.href = data.testsPage;
      }
      link.textContent = test.name;
      if (i) {
        cell.appendChild(document.createTextNode(", "));
      }
      cell.appendChild(link);
    });
  }

  function monthsTable(rows) {
    var table = tableWithHeadings("test-calendar__table", ["Month", "Date", "Tests", "Done"]);
    var body = table.tBodies[0];
    rows.forEach(function (row) {
      var tr = body.insertRow();
      tr.insertCell().textContent = String(row.month);
      tr.insertCell().textContent = words(row.date);
      testLinks(tr.insertCell(), row.tests);
      var box = tr.insertCell();
      box.className = "tick-box-cell";
      box.innerHTML = '<span class="tick-box" aria-hidden="true"></span>';
    });
    return table;
  }

  // The next test month first, then the months to come; the months already past fold away.
  function show(found) {
    clear();
    var worked = testMonths(found);
    months = worked.rows;
    var now = today();
    var past = months.filter(function (row) { return compare(row.date, now) < 0; });
    var coming = months.slice(past.length);
    var summary = document.createElement("p");
    summary.className = "test-calendar__summary";
    summary.textContent = "Your tests go on until " + words(worked.end) + ": " + months.length +
      " months with tests, from " + words(found[0].first) + ". Your dates: " +
      found.map(function (c) { return "course " + c.number + " from " + words(c.first) + " to " + words(c.last); })
        .join("; ") + ".";
    var shown = [summary];
    if (coming.length) {
      var next = document.createElement("p");
      next.className = "test-calendar__next";
      var strong = document.createElement("strong");
      strong.textContent = "Your next tests: " + words(coming[0].date) + ": ";
      next.appendChild(strong);
      testLinks(next, coming[0].tests);
      shown.push(next, monthsTable(coming));
    }
    if (past.length) {
      var fold = document.createElement("details");
      fold.className = "test-calendar__past";
      var label = document.createElement("summary");
      label.textContent = "Months already past (" + past.length + ")";
      fold.append(label, monthsTable(past));
      shown.push(fold);
    }
    result.replaceChildren.apply(result, shown);
    paper = paperGrid(months, summary.textContent);
    // Side 2 on paper: after everything on side 1, before the sources, which go under the
    // months (side 1 has no room for them in 10pt print).
    var sources = document.getElementById("sources");
    if (sources) {
      sources.before(paper);
    } else {
      (document.querySelector(".md-content__inner") || result.parentNode).appendChild(paper);
    }
    download.disabled = false;
    status.textContent = "Your test dates are below: " + months.length + " months with tests, until " +
      words(worked.end) + "." + (coming.length ? " Your next tests are in " + words(coming[0].date, "long") +
      "." : "");
  }

  // Nothing worked out on show: no months, no file to download, nothing to print.
  function clear() {
    months = [];
    result.replaceChildren();
    if (paper) {
      paper.remove();
      paper = null;
    }
    download.disabled = true;
  }

  function refuse() {
    clear();
    status.textContent = "Some dates need checking: see the messages by the fields.";
    // Take the reader to the first date to fix: on a phone the messages can be off screen.
    var invalid = form.querySelector("input[aria-invalid='true']");
    if (invalid) {
      invalid.focus();
      invalid.scrollIntoView({ block: "center" });
    }
  }

  // On paper: a box to tick for each test due, a dash where none is, as on the monitoring
  // tracker, in columns of at most ROWS_PER_COLUMN months, two side by side: two courses'
  // months fit on one side in 10pt print, and more run on to the next side, a pair at a time.
  // On screen it is hidden (print-only), so it is not read out twice.
  var ROWS_PER_COLUMN = 31;

  function paperGrid(rows, summary) {
    var wrap = document.createElement("div");
    wrap.className = "test-calendar__paper print-only";
    var heading = document.createElement("h2");
    heading.textContent = "Your test months";
    var note = document.createElement("p");
    note.textContent = summary + " Tick each box when you have had that test. A dash (\u2013) means " +
      "that test is not due that month.";
    // Side 2 may be printed on a sheet of its own: it says where it came from and its review date.
    var origin = document.createElement("p");
    origin.className = "test-calendar__origin";
    var lines = [".print-origin__address", ".review-note > span:not([hidden]):not(.review-note__details)"]
      .map(function (selector) { return document.querySelector(selector); })
      .filter(Boolean)
      .map(function (line) { return line.textContent.replace(/\s+/g, " ").trim(); });
    var reviewNote = document.querySelector(".review-note[data-next-review-due]");
    // The sheet's review details, in a line (there is no room for the box)
    if (reviewNote) {
      lines.push("next review due " + words(parse(reviewNote.getAttribute("data-next-review-due"))));
    }
    origin.textContent = lines.join(" \u00b7 ");
    wrap.append(heading, origin, note);
    var columns = Math.max(2, Math.ceil(rows.length / ROWS_PER_COLUMN));
    // Even columns: 87 months are 3 of 29
    var size = Math.ceil(rows.length / columns);
    var halves = null;
    for (var start = 0; start < rows.length; start += size) {
      var part = rows.slice(start, start + size);
      // A new pair, never split across sides
      if (!halves || halves.children.length === 2) {
        halves = document.createElement("div");
        halves.className = "test-calendar__halves";
        wrap.appendChild(halves);
      }
      var names = data.tests.map(function (t) { return t.name; });
      var table = tableWithHeadings("test-calendar__grid", ["Month", "Date"].concat(names));
      var body = table.tBodies[0];
      part.forEach(function (row) {
        var tr = body.insertRow();
        tr.insertCell().textContent = String(row.month);
        tr.insertCell().textContent = words(row.date, "short");
        data.tests.forEach(function (test) {
          var cell = tr.insertCell();
          if (row.tests.indexOf(test) >= 0) {
            cell.innerHTML = '<span class="tick-box"></span>';
          } else {
            cell.textContent = "\u2013";
          }
        });
      });
      halves.appendChild(table);
    }
    return wrap;
  }

  // RFC 5545: all-day events, one per month with tests, with a reminder at 9am the day before.
  // The UID is the first course's date and the month's number, so a new download updates
  // the events already in the calendar instead of adding them again.
  function escapeText(text) {
    return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
  }
  // RFC 5545 section 3.1: lines of at most 75 octets (UTF-8 bytes, not characters); a longer
  // one goes on in lines that start with a space. A character is never cut in two.
  function fold(line) {
    var out = [];
    var current = "";
    var size = 0;
    var encoder = new TextEncoder();
    Array.from(line).forEach(function (character) {
      var bytes = encoder.encode(character).length;
      if (size + bytes > 75) {
        out.push(current);
        current = " ";
        size = 1;
      }
      current += character;
      size += bytes;
    });
    out.push(current);
    return out.join("\r\n");
  }
  function compact(day) {
    return iso(day).replace(/-/g, "");
  }
  function calendarFile(found) {
    var host = location.hostname || "ms-info";
    var start = compact(found[0].first);
    // With METHOD, DTSTAMP is when this file was made (RFC 5545 section 3.8.7.2), in UTC.
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    // The calendar's name, as phones show it (RFC 7986 NAME, and X-WR-CALNAME that most apps read).
    var name = escapeText(data.medicine + " tests");
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//" + host + "//My test calendar//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "NAME:" + name, "X-WR-CALNAME:" + name];
    months.forEach(function (row) {
      var names = row.tests.map(function (t) { return t.name; }).join(", ");
      var notes = row.tests.filter(function (t) { return t.note; })
        .map(function (t) { return " " + t.name + ": " + t.note; }).join("");
      var description = data.medicine + " tests this month: " + names + "." + notes +
        " This is a reminder from the dates you entered: check the date with " + data.careTeam + ".";
      lines.push("BEGIN:VEVENT",
        "UID:" + start + "-month-" + row.month + "@" + host,
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + compact(row.date),
        "DTEND;VALUE=DATE:" + compact(nextDay(row.date)),
        "SUMMARY:" + escapeText(data.medicine + " tests: " + names),
        "DESCRIPTION:" + escapeText(description),
        // All-day events start at midnight: 15 hours before is 9 in the morning the day before.
        "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15H",
        "DESCRIPTION:" + escapeText(data.medicine + " tests tomorrow: " + names),
        "END:VALARM", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }
  function nextDay(day) {
    var date = new Date(Date.UTC(day[0], day[1] - 1, day[2] + 1));
    return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }

  function values() {
    var saved = {};
    for (var n = 1; n <= COURSES; n += 1) {
      saved[n] = [field(n, "first").value, field(n, "last").value];
    }
    return saved;
  }

  form.hidden = false;
  try {
    var stored = JSON.parse(localStorage.getItem(STORE) || "null");
    if (stored) {
      remember.checked = true;
      for (var n = 1; n <= COURSES; n += 1) {
        if (stored[n]) {
          field(n, "first").value = stored[n][0];
          field(n, "last").value = stored[n][1];
        }
      }
    }
  } catch (error) {
    // Storage blocked or unreadable: the page works without it.
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var found = courses();
    if (!found) {
      refuse();
      return;
    }
    try {
      if (remember.checked) {
        localStorage.setItem(STORE, JSON.stringify(values()));
      } else {
        localStorage.removeItem(STORE);
      }
    } catch (error) {
      // Storage blocked: nothing is remembered.
    }
    show(found);
  });

  download.addEventListener("click", function () {
    // From the dates in the fields now: if they changed since "Show my test dates", the months
    // on the page are worked out again first, so the file and the page always agree.
    var found = courses();
    if (!found) {
      refuse();
      return;
    }
    show(found);
    var blob = new Blob([calendarFile(found)], { type: "text/calendar" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = data.medicine.toLowerCase() + "-test-calendar.ics";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  });

  document.getElementById("forget-dates").addEventListener("click", function () {
    try {
      localStorage.removeItem(STORE);
    } catch (error) {
      // Nothing was stored.
    }
    form.reset();
    clear();
    status.textContent = "Your dates are forgotten: nothing about them is kept on this device.";
  });
})();
