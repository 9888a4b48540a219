-- National facts every school shares.  Each entry says where it comes from
-- and when someone last checked it; `protocolgen build --explain ID` shows
-- which of these a school uses.
defaults {
  inspector = {
    phone = "0900 111 3 111",
    hours = "werkdagen van 08.00 tot 17.00 uur",
    source = "https://www.onderwijsinspectie.nl/contact/contactformulier/vertrouwensinspecteurs",
    checked = "2026-11-01",
  },

  -- Role words per school type; a board or school may override any of them.
  -- Each key has one meaning (docs/FORMATS.md):
  --   leraar/leraren   who teaches a class
  --   leidinggevende   a staff member's manager
  --   schoolleiding    the school's management team
  --   directie         the head of the school, who decides on measures
  --   contactpersoon   whom pupils and staff ask first when in doubt
  --   verantwoordelijke  who answers for the person an incident is about
  --                    (a pupil's teacher or team leader), told of evidence
  --   groep            a class year ("groep 7", "leerjaar 2")
  roles = {
    po = {
      leraar = "leerkracht",
      leraren = "leerkrachten",
      leidinggevende = "leidinggevende",
      schoolleiding = "schoolleiding",
      directie = "directie",
      contactpersoon = "leerkracht",
      verantwoordelijke = "leerkracht",
      groep = "groep",
      hij = "hij",                -- pronouns for a person: the 'hij' form
      zijn = "zijn",              -- (De Bron's readability footnote), or "hij/zij"
    },
    vo = {
      leraar = "docent",
      leraren = "docenten",
      leidinggevende = "leidinggevende",
      schoolleiding = "schoolleiding",
      directie = "directie",
      contactpersoon = "teamleider",
      verantwoordelijke = "teamleider",
      groep = "leerjaar",
      hij = "hij",
      zijn = "zijn",
    },
  },

  -- Channels a school can list (kind = id).
  products = {
    { id = "website", name = "Website", type = "website" },
    { id = "facebook", name = "Facebookpagina", type = "social" },
    { id = "instagram", name = "Instagram", type = "social" },
    { id = "x", name = "X (voorheen Twitter)", type = "social" },
    { id = "youtube", name = "YouTube-kanaal", type = "social" },
    { id = "linkedin", name = "LinkedIn", type = "social" },
    { id = "klasbord", name = "Klasbord", type = "app",
      source = "https://www.klasbord.nl/", checked = "2026-11-01" },
    { id = "social-schools", name = "Social Schools", type = "app",
      source = "https://www.socialschools.eu/", checked = "2026-11-01" },
    { id = "parro", name = "Parro", type = "app",
      source = "https://www.parro.com/", checked = "2026-11-01" },
    { id = "isy", name = "ISY", type = "app",
      source = "https://www.isy.nl/", checked = "2026-11-01" },
    { id = "schoolapp", name = "Schoolapp", type = "app" },
    { id = "magister", name = "Magister", type = "app",
      source = "https://www.magister.nl/", checked = "2026-11-01" },
  },

  -- Lesson programmes on online safety and media literacy.
  programmes = {
    { id = "diploma-veilig-internet", name = "Diploma Veilig Internet",
      groups = "5-8", level = "po",
      source = "https://www.diplomaveiliginternet.nl/", checked = "2026-11-01" },
    { id = "mediamasters", name = "MediaMasters", by = "Week van de Mediawijsheid",
      groups = "5-8", level = "po",
      source = "https://www.mediamasters.nl/", checked = "2026-11-01" },
    { id = "halt-online-veiligheid", name = "Online veiligheid", by = "Halt",
      groups = "7-8", level = "po vo",
      source = "https://www.halt.nl/", checked = "2026-11-01" },
    { id = "sociale-media-training", name = "Socialemedia\u{AD}training",  -- Taalunie spelling; a soft hyphen lets a narrow table break it
      groups = "6-8", level = "po" },
  },
}
