"""The fixed words of the generated pages, in each site language.

Names, addresses and descriptions come from the data (``Text``); only the glue around them
lives here. Short sentences and common words: many readers read French at level A2.
Placeholders are filled with ``str.format``.
"""

from __future__ import annotations

from konexio import LANGUAGES

W = dict[str, str]


def _(fr: str, en: str, ar: str) -> W:
    return {"fr": fr, "en": en, "ar": ar}


WORDS: dict[str, W] = {
    # --- navigation and page names --------------------------------------------------
    "nav.programs": _("Les formations", "Courses", "الدورات التدريبية"),
    "nav.antennas": _("Nos lieux", "Where we are", "أماكننا"),
    "nav.volunteers": _("Devenir bénévole", "Volunteer with us", "تطوّع معنا"),
    "nav.impact": _("Nos résultats", "Our impact", "أثرنا"),
    "nav.calendars": _("Les agendas", "Calendars", "التقاويم"),
    "nav.apply": _("Comment s'inscrire", "How to apply", "كيف تسجّل"),
    # --- home -----------------------------------------------------------------------
    "home.title": _("Trouver un cours", "Find a course", "ابحث عن دورة"),
    "home.description": _(
        "Cours d'informatique gratuits de Konexio, en France et ailleurs : trouvez un groupe "
        "près de chez vous.",
        "Free computer courses by Konexio, in France and abroad: find a group near you.",
        "دورات حاسوب مجانية من كونكسيو في فرنسا وخارجها: ابحث عن مجموعة قريبة منك."),
    "home.heading": _("Apprendre l'informatique, gratuitement",
                      "Learn computer skills, for free",
                      "تعلّم الحاسوب مجاناً"),
    "home.intro": _(
        "Konexio donne des cours d'informatique gratuits, en groupe, avec un formateur. "
        "Choisissez un lieu et un horaire, puis écrivez-nous.",
        "Konexio gives free computer courses, in small groups, with a trainer. Choose a "
        "place and a time, then write to us.",
        "تقدّم كونكسيو دورات حاسوب مجانية في مجموعات صغيرة مع مدرّب. اختر المكان والوقت، "
        "ثم راسلنا."),
    "home.open_heading": _("Les prochains groupes", "Next groups", "المجموعات القادمة"),
    "home.none": _("Pas de groupe ouvert pour le moment. Revenez bientôt.",
                   "No open group at the moment. Come back soon.",
                   "لا توجد مجموعة مفتوحة حالياً. عُد قريباً."),
    "home.more": _("Tous les groupes, même complets :", "All groups, also the full ones:",
                   "كل المجموعات، حتى المكتملة:"),
    "home.browse": _("Chercher autrement", "Other ways to search", "طرق أخرى للبحث"),
    "home.how_heading": _("Comment ça marche ?", "How does it work?", "كيف يعمل ذلك؟"),
    "home.how_1": _("Choisissez un groupe près de chez vous.",
                    "Choose a group near you.", "اختر مجموعة قريبة منك."),
    "home.how_2": _("Écrivez à l'antenne, ou demandez à votre travailleur social.",
                    "Write to the antenna, or ask your social worker.",
                    "راسل الفرع، أو اطلب من المرشد الاجتماعي."),
    "home.how_3": _("Nous vous répondons et nous vous donnons un rendez-vous.",
                    "We answer and give you an appointment.",
                    "نردّ عليك ونعطيك موعداً."),
    # --- course finder --------------------------------------------------------------
    "finder.title": _("Filtrer les groupes", "Filter the groups", "تصفية المجموعات"),
    "finder.antenna": _("Lieu :", "Place:", "المكان:"),
    "finder.program": _("Formation :", "Course:", "الدورة:"),
    "finder.level": _("Niveau :", "Level:", "المستوى:"),
    "finder.time": _("Moment de la journée :", "Time of day:", "وقت اليوم:"),
    "finder.any": _("Tous", "All", "الكل"),
    "finder.show_all": _("Montrer aussi les groupes complets ou fermés",
                         "Also show full or closed groups",
                         "أظهر أيضاً المجموعات المكتملة أو المغلقة"),
    "finder.count_one": _("1 groupe", "1 group", "مجموعة واحدة"),
    "finder.count_many": _("{n} groupes", "{n} groups", "عدد المجموعات: {n}"),
    "finder.count_none": _("Aucun groupe. Changez les filtres.",
                           "No group. Change the filters.",
                           "لا توجد مجموعة. غيّر التصفية."),
    "time.morning": _("Matin", "Morning", "الصباح"),
    "time.afternoon": _("Après-midi", "Afternoon", "بعد الظهر"),
    "time.evening": _("Soir", "Evening", "المساء"),
    # --- levels and statuses --------------------------------------------------------
    "level.beginner": _("Débutant", "Beginner", "مبتدئ"),
    "level.intermediate": _("Intermédiaire", "Intermediate", "متوسط"),
    "level.advanced": _("Avancé", "Advanced", "متقدّم"),
    "level.professional": _("Métier", "Professional", "مهني"),
    "level.all": _("Pour tous", "For everyone", "للجميع"),
    "status.open": _("Inscriptions ouvertes", "Open: you can apply", "التسجيل مفتوح"),
    "status.full": _("Complet", "Full", "مكتمل"),
    "status.closed": _("Inscriptions fermées", "Closed", "التسجيل مغلق"),
    "comma": _(", ", ", ", "، "),
    # --- cards ----------------------------------------------------------------------
    "card.from": _("du {date} au {end}", "from {date} to {end}", "من {date} إلى {end}"),
    "card.language": _("cours en {language}", "taught in {language}", "باللغة: {language}"),
    # --- programs -------------------------------------------------------------------
    "programs.intro": _(
        "Toutes nos formations sont gratuites. Commencez par le niveau qui vous convient.",
        "All our courses are free. Start at the level that suits you.",
        "كل دوراتنا مجانية. ابدأ بالمستوى المناسب لك."),
    "program.free": _("Gratuit", "Free", "مجاني"),
    "program.learn": _("Ce que vous apprenez", "What you learn", "ماذا تتعلّم"),
    "program.format": _("Durée et rythme", "Length and rhythm", "المدة والإيقاع"),
    "program.duration": _("Durée :", "Length:", "المدة:"),
    "program.rhythm": _("Rythme :", "Rhythm:", "الإيقاع:"),
    "program.certification": _("À la fin :", "At the end:", "في النهاية:"),
    "program.requirements": _("Pour qui ?", "Who can join?", "لمن هذه الدورة؟"),
    "program.placement_test": _("Test de niveau :", "Placement test:", "اختبار المستوى:"),
    "program.follows": _("Avant cette formation :", "Before this course:", "قبل هذه الدورة:"),
    "program.apply": _("Comment s'inscrire", "How to apply", "كيف تسجّل"),
    "program.cohorts": _("Les prochains groupes", "Next groups", "المجموعات القادمة"),
    "program.no_cohort": _(
        "Pas de groupe prévu pour le moment. Abonnez-vous à l'agenda : vous verrez le "
        "prochain groupe.",
        "No group planned at the moment. Subscribe to the calendar to see the next one.",
        "لا توجد مجموعة مقرّرة حالياً. اشترك في التقويم لترى المجموعة القادمة."),
    # --- antennas -------------------------------------------------------------------
    "antennas.intro": _("Konexio donne des cours dans ces villes et ces pays.",
                        "Konexio gives courses in these cities and countries.",
                        "تقدّم كونكسيو دوراتها في هذه المدن والبلدان."),
    "antennas.cohorts": _("Groupes à venir : {count}", "Upcoming groups: {count}",
                          "المجموعات القادمة: {count}"),
    "antenna.heading": _("Konexio {name}", "Konexio {name}", "كونكسيو {name}"),
    "antenna.since": _("depuis {year}", "since {year}", "منذ {year}"),
    "antenna.zone": _("Les heures sont à l'heure locale ({zone}).",
                      "Times are local time ({zone}).",
                      "الأوقات بالتوقيت المحلي ({zone})."),
    "antenna.contact": _("Nous contacter", "Contact us", "تواصل معنا"),
    "antenna.write": _("Écrivez-nous :", "Write to us:", "راسلنا:"),
    "antenna.hours": _("Horaires :", "Opening hours:", "أوقات العمل:"),
    "antenna.cohorts": _("Les groupes", "Groups", "المجموعات"),
    "antenna.no_cohort": _("Pas de groupe prévu pour le moment.",
                           "No group planned at the moment.",
                           "لا توجد مجموعة مقرّرة حالياً."),
    "antenna.venues": _("Où ont lieu les cours", "Where classes take place", "أين تُقام الدروس"),
    "antenna.volunteers": _("Bénévoles : les séances qui ont besoin d'aide",
                            "Volunteers: sessions that need help",
                            "المتطوعون: الحصص التي تحتاج إلى مساعدة"),
    "antenna.partners": _("Nos partenaires", "Our partners", "شركاؤنا"),
    "antenna.closures": _("Jours de fermeture", "Closed days", "أيام الإغلاق"),
    "antenna.closure": _("du {start} au {end}", "from {start} to {end}", "من {start} إلى {end}"),
    "venue.address": _("Adresse :", "Address:", "العنوان:"),
    "venue.access": _("Comment venir :", "How to get there:", "كيف تصل:"),
    "venue.accessibility": _("Accessibilité :", "Accessibility:", "إمكانية الوصول:"),
    # --- weekly timetable (printed for partners' notice boards) ---------------------
    "timetable.heading": _("La semaine type", "A typical week", "الأسبوع المعتاد"),
    "timetable.title": _("Cours gratuits Konexio {name} : chaque semaine",
                         "Free Konexio courses in {name}: every week",
                         "دورات كونكسيو المجانية في {name}: كل أسبوع"),
    "timetable.time": _("Jours et heures", "Days and times", "الأيام والأوقات"),
    "timetable.dates": _("Dates", "Dates", "التواريخ"),
    "timetable.course": _("Formation", "Course", "الدورة"),
    "timetable.place": _("Lieu", "Place", "المكان"),
    "timetable.qr": _("Code QR vers {url}", "QR code to {url}", "رمز QR إلى {url}"),
    "timetable.scan": _("Scannez pour voir les dates et vous inscrire :",
                        "Scan to see the dates and apply:",
                        "امسح الرمز لرؤية المواعيد والتسجيل:"),
    "timetable.contact": _("Contact :", "Contact:", "للتواصل:"),
    "timetable.print": _("Imprimer", "Print", "اطبع"),
    "timetable.print_hint": _("Cette semaine type s'imprime sur une page A4.",
                              "This typical week prints on one A4 page.",
                              "يُطبع هذا الأسبوع على صفحة A4 واحدة."),
    # --- cohort ---------------------------------------------------------------------
    "cohort.title": _("{program} · {antenna} · {month}", "{program} · {antenna} · {month}",
                      "{program} · {antenna} · {month}"),
    "cohort.lead": _("Groupe de {antenna}, à partir de {month}",
                     "Group in {antenna}, from {month}", "مجموعة {antenna}، ابتداءً من {month}"),
    "cohort.dates": _("Dates :", "Dates:", "التواريخ:"),
    "cohort.weekly": _("Chaque semaine :", "Every week:", "كل أسبوع:"),
    "cohort.place": _("Lieu :", "Place:", "المكان:"),
    "cohort.language": _("Langue du cours :", "Language of the course:", "لغة الدرس:"),
    "cohort.capacity": _("Places :", "Places:", "عدد المقاعد:"),
    "cohort.program": _("Formation :", "Course:", "الدورة:"),
    "cohort.apply": _("S'inscrire", "Apply", "التسجيل"),
    "cohort.write": _("Écrivez à :", "Write to:", "راسل:"),
    "cohort.apply_full": _("Ce groupe est complet.", "This group is full.",
                           "هذه المجموعة مكتملة."),
    "cohort.apply_closed": _("Les inscriptions sont fermées pour ce groupe.",
                             "This group is closed.", "التسجيل مغلق لهذه المجموعة."),
    "cohort.others": _("Voir les autres groupes", "See the other groups",
                       "شاهد المجموعات الأخرى"),
    "cohort.sessions": _("Les séances ({count})", "Sessions ({count})", "الحصص ({count})"),
    "cohort.no_class": _("Pas de cours ces jours-là :", "No class on these days:",
                         "لا دروس في هذه الأيام:"),
    "cohort.holiday": _("jour férié", "public holiday", "عطلة رسمية"),
    "session.cancelled": _("Annulée :", "Cancelled:", "ملغاة:"),
    "session.moved": _("Déplacée (prévue le {date}) :", "Moved (planned on {date}):",
                       "منقولة (كانت مقرّرة يوم {date}):"),
    # --- calendar feeds -------------------------------------------------------------
    "feed.heading": _("Ajouter à mon agenda", "Add to my calendar", "أضف إلى تقويمي"),
    "feed.cohort": _("Toutes les séances de ce groupe dans votre téléphone. Si une séance "
                     "change, votre agenda change aussi.",
                     "Every session of this group in your phone. If a session changes, your "
                     "calendar changes too.",
                     "كل حصص هذه المجموعة في هاتفك. إذا تغيّرت حصة، يتغيّر تقويمك أيضاً."),
    "feed.program": _("Toutes les séances de cette formation, dans tous nos lieux.",
                      "Every session of this course, in all our places.",
                      "كل حصص هذه الدورة في كل أماكننا."),
    "feed.antenna": _("Toutes les séances de cette antenne.",
                      "Every session of this antenna.", "كل حصص هذا الفرع."),
    "feed.subscribe": _("S'abonner", "Subscribe", "اشترك"),
    "feed.download": _("Télécharger le fichier", "Download the file", "نزّل الملف"),
    "feed.file": _("fichier", "file", "ملف"),
    "feed.howto": _("Comment faire ?", "How to do it?", "كيف أفعل ذلك؟"),
    "calendars.intro": _("Mettez nos séances dans l'agenda de votre téléphone ou de votre "
                         "ordinateur.",
                         "Put our sessions in the calendar of your phone or computer.",
                         "ضع حصصنا في تقويم هاتفك أو حاسوبك."),
    "calendars.howto": _("Comment s'abonner", "How to subscribe", "كيف تشترك"),
    "calendars.all": _("Toutes les séances", "All sessions", "كل الحصص"),
    "calendars.antennas": _("Par lieu", "By place", "حسب المكان"),
    "calendars.programs": _("Par formation", "By course", "حسب الدورة"),
    "calendars.cohorts": _("Chaque groupe a aussi son agenda, sur sa page. Pour les "
                           "bénévoles :",
                           "Each group also has its calendar, on its page. For volunteers:",
                           "لكل مجموعة تقويمها أيضاً في صفحتها. للمتطوعين:"),
    # --- volunteers -----------------------------------------------------------------
    "volunteers.intro": _(
        "Aidez des personnes à apprendre l'informatique. Pas besoin d'être expert : de la "
        "patience et les bases suffisent.",
        "Help people learn computer skills. No need to be an expert: patience and the "
        "basics are enough.",
        "ساعد الناس على تعلّم الحاسوب. لا حاجة لأن تكون خبيراً: يكفي الصبر والمعرفة "
        "الأساسية."),
    "volunteers.roles": _("Ce que font les bénévoles", "What volunteers do",
                          "ماذا يفعل المتطوعون"),
    "volunteers.needs": _("Les séances qui ont besoin d'aide", "Sessions that need help",
                          "الحصص التي تحتاج إلى مساعدة"),
    "volunteers.needs_intro": _(
        "Les {days} prochains jours. Nous montrons le nombre de personnes qu'il faut, "
        "jamais de noms.",
        "The next {days} days. We show how many people are needed, never names.",
        "الأيام الـ{days} القادمة. نعرض عدد الأشخاص المطلوبين، دون أي أسماء."),
    "volunteers.count": _("{count} séances", "{count} sessions", "الحصص: {count}"),
    "volunteers.wanted": _("Il faut :", "Needed:", "المطلوب:"),
    "volunteers.more": _("Et {count} autres séances : abonnez-vous à l'agenda ci-dessous.",
                         "And {count} more sessions: subscribe to the calendar below.",
                         "و{count} حصص أخرى: اشترك في التقويم أدناه."),
    "volunteers.none": _("Aucune séance n'a besoin d'aide en ce moment. Merci !",
                         "No session needs help at the moment. Thank you!",
                         "لا توجد حصة تحتاج إلى مساعدة حالياً. شكراً!"),
    "volunteers.signup": _("Comment devenir bénévole", "How to sign up", "كيف تصبح متطوعاً"),
    "volunteers.signup_text": _(
        "Écrivez à l'antenne la plus proche. Dites quand vous êtes libre. La personne qui "
        "coordonne les bénévoles vous répond et vous accueille.",
        "Write to the nearest antenna. Say when you are free. The volunteer coordinator "
        "answers and welcomes you.",
        "راسل أقرب فرع. أخبرنا متى تكون متفرغاً. سيردّ عليك منسّق المتطوعين ويرحّب بك."),
    "volunteers.calendars": _("Les agendas des bénévoles", "Calendars for volunteers",
                              "تقاويم المتطوعين"),
    "volunteers.calendars_intro": _(
        "Un agenda par lieu et par rôle : il montre les séances où ce rôle est utile.",
        "One calendar per place and role: it shows the sessions where this role helps.",
        "تقويم لكل مكان ولكل دور: يعرض الحصص التي يحتاج فيها هذا الدور."),
    # --- impact ---------------------------------------------------------------------
    "impact.intro": _("Ce que Konexio fait depuis 2016, en chiffres.",
                      "What Konexio has done since 2016, in figures.",
                      "ما تقوم به كونكسيو منذ 2016، بالأرقام."),
    "impact.facts": _("Nos apprenants", "Our learners", "متعلّمونا"),
    "impact.fact.refugees": _(
        "En 2021, 43,8 % des apprenants étaient réfugiés ou demandeurs d'asile.",
        "In 2021, 43.8% of learners were refugees or asylum seekers.",
        "في 2021، كان 43.8% من المتعلّمين لاجئين أو طالبي لجوء."),
    "impact.fact.education": _(
        "69,4 % avaient le baccalauréat ou moins.",
        "69.4% had a high-school diploma (baccalauréat) or less.",
        "69.4% كانوا حاصلين على البكالوريا أو أقل."),
    "impact.fact.daily": _(
        "94 % disent utiliser chaque jour ce qu'ils ont appris.",
        "94% say they use what they learnt every day.",
        "94% يقولون إنهم يستخدمون ما تعلّموه كل يوم."),
    "impact.fact.integrated": _(
        "94 % se sentent mieux intégrés.",
        "94% feel better integrated.",
        "94% يشعرون بأنهم أكثر اندماجاً."),
    "impact.fact.women": _(
        "Notre but : au moins 50 % de femmes dans chaque groupe.",
        "Our aim: at least 50% women in every group.",
        "هدفنا: 50% من النساء على الأقل في كل مجموعة."),
    "impact.fact.target": _(
        "Notre objectif publié : 10 000 apprenants dans tout le réseau.",
        "Our published target: 10,000 learners in the whole network.",
        "هدفنا المعلن: 10,000 متعلّم في كل الشبكة."),
    "impact.source": _("Chiffres publiés par Konexio (enquête 2021).",
                       "Figures published by Konexio (2021 survey).",
                       "أرقام نشرتها كونكسيو (استطلاع 2021)."),
    "impact.counts": _("Notre programme en ce moment", "Our programme right now",
                       "برنامجنا حالياً"),
    "impact.count.antennas": _("antennes", "antennas", "فروع"),
    "impact.count.countries": _("pays", "countries", "بلدان"),
    "impact.count.venues": _("lieux de cours", "places where we teach", "أماكن للدروس"),
    "impact.count.programs": _("formations", "courses", "دورات"),
    "impact.count.upcoming": _("groupes en cours ou à venir", "current or upcoming groups",
                               "مجموعات حالية أو قادمة"),
    "impact.count.places": _("places dans ces groupes", "places in these groups",
                             "مقاعد في هذه المجموعات"),
    "impact.count.sessions": _("séances prévues", "planned sessions", "حصص مقرّرة"),
    "impact.count.hours": _("heures de cours prévues", "planned hours of class",
                            "ساعات دروس مقرّرة"),
    "impact.count.partners": _("partenaires", "partners", "شركاء"),
    "impact.counts_note": _("Ces chiffres sont calculés à partir de notre calendrier.",
                            "These figures are counted from our timetable.",
                            "هذه الأرقام محسوبة من جدولنا."),
}


def word(key: str, lang: str, **params: object) -> str:
    """The word ``key`` in ``lang``, with its placeholders filled."""
    text = WORDS[key][lang]
    return text.format(**params) if params else text


def missing() -> list[tuple[str, str]]:
    """(key, language) of every word without a translation: the build refuses them."""
    return [(key, lang) for key, texts in WORDS.items() for lang in LANGUAGES
            if not texts.get(lang, "").strip()]
