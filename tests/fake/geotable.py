"""geotable - the small table of places the platform fakes' location
searches answer from (tests only).

The ids are made up for the fakes, except the countries' LinkedIn and
TikTok ids, which are the ones jobmix sends for whole countries
(src/push.c). A fake refuses, in an ad set's targeting, any location
id that is not in this table: an id jobmix guessed instead of looking
up.
"""

# (name, ISO country, region, Meta key, LinkedIn geo id, TikTok id)
CITIES = [
    ("Umeå", "SE", "Västerbotten County", "1900101", "1900201", "1900301"),
    ("Stockholm", "SE", "Stockholm County", "1900102", "1900202", "1900302"),
    ("Helsinki", "FI", "Uusimaa", "1900103", "1900203", "1900303"),
    ("Bergen", "NO", "Vestland", "1900104", "1900204", "1900304"),
    ("Førde", "NO", "Vestland", "1900105", "1900205", "1900305"),
    ("Oslo", "NO", "Oslo", "1900106", "1900206", "1900306"),
    # the same name in another country: the search of one keeps it out
    ("Bergen", "DE", "Lower Saxony", "1900109", "1900209", "1900309"),
    # a name two cities of one country share: jobmix cannot pick
    ("Springfield", "US", "Illinois", "1900107", "1900207", "1900307"),
    ("Springfield", "US", "Missouri", "1900108", "1900208", "1900308"),
]

# ISO -> (English name, LinkedIn geo id, TikTok id), as src/push.c has them
COUNTRIES = {
    "DE": ("Germany", "101282230", "2921044"),
    "DK": ("Denmark", "104514075", "2623032"),
    "FI": ("Finland", "100456013", "660013"),
    "GB": ("United Kingdom", "101165590", "2635167"),
    "NO": ("Norway", "103819153", "3144096"),
    "SE": ("Sweden", "105117694", "2661886"),
    "US": ("United States", "103644278", "6252001"),
}


def fold(s):
    """lower case, as jobmix compares names (casefold covers Latin-1)"""
    return s.casefold()


def matching(query):
    """the cities whose name starts with query, as a typeahead finds"""
    q = fold(query or "")
    return [c for c in CITIES if q and fold(c[0]).startswith(q)]


def meta_keys():
    return {c[3] for c in CITIES}


def linkedin_urns():
    return ({"urn:li:geo:" + c[4] for c in CITIES} |
            {"urn:li:geo:" + v[1] for v in COUNTRIES.values()})


def tiktok_ids():
    return {c[5] for c in CITIES} | {v[2] for v in COUNTRIES.values()}
