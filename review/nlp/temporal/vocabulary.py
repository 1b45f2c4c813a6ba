"""The words of English dates and times: month, weekday, number and unit tables, and the pattern pieces
the grammar's rules are built from."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thur": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
    "a couple of": 2, "couple of": 2,
}
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "a number of")
# Counts that mean about so many: "a couple of weeks later" is about two, and leaves the day unknown.
APPROXIMATE_NUMBERS = ("a couple of", "couple of")
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "last": 4, "final": 4}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# unit -> (TIMEX3 duration letter, is a time unit, multiplier)
UNITS = {
    "second": ("S", True, 1), "sec": ("S", True, 1), "minute": ("M", True, 1), "min": ("M", True, 1),
    "hour": ("H", True, 1), "hr": ("H", True, 1), "day": ("D", False, 1), "night": ("D", False, 1),
    "week": ("W", False, 1), "fortnight": ("W", False, 2), "month": ("M", False, 1),
    "year": ("Y", False, 1), "decade": ("DE", False, 1), "century": ("CE", False, 1),
}
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
            "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
            "halloween": (10, 31), "bonfire night": (11, 5), "valentine's day": (2, 14)}
# other spellings and the abbreviations of records ("attended A&E on NYE", "at Xmas") of the holidays above
HOLIDAY_SPELLINGS = {"xmas": "christmas", "xmas day": "christmas day", "xmas eve": "christmas eve",
                     "nye": "new year's eve", "new years eve": "new year's eve", "new years day": "new year's day"}
FUTURE_CUES = re.compile(
    r"\b(will|shall|won't|'ll|going to|due|scheduled|planned|plans? to|expects? to|intends? to|"
    r"upcoming|is to|are to|next)\b", re.I)
AGE_WORDS = "baby|toddler|child|young child|infant|teenager|newborn|small child|little girl|little boy|youngster"

# pattern pieces (regular expressions) shared by the rules
MONTH_WORD = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
WEEKDAY_WORD = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
FULL_WEEKDAY_WORD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
COUNT_WORD = r"(?:a couple of|couple of|a few|a number of|few|several|many|some|twenty[- ]one|twenty[- ]four|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|\d+(?:\.\d+)?|\d+½)"
UNIT_WORD = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"
APPROXIMATELY = r"(?:about|around|approximately|approx\.?|roughly|nearly|almost|over|more than|less than|under|at least|up to|just over|just under|some|circa|c\.)"
YEAR_DIGITS = r"(?:1[89]\d\d|20\d\d)"
