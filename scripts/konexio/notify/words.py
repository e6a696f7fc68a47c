"""The words of the mails, in each language volunteers read (French when unknown).

Filled with ``str.format``; names of programs, antennas, venues and roles come from the
data. Kept in one place so they can move to gettext catalogues with the site's words.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "subject.cancelled": {"fr": "Annulé : {session}, {day}",
                          "en": "Cancelled: {session}, {day}",
                          "ar": "ملغاة: {session}، {day}"},
    "subject.moved": {"fr": "Changement : {session}, {day}",
                      "en": "Changed: {session}, {day}",
                      "ar": "تغيير: {session}، {day}"},
    "subject.removed": {"fr": "Retiré du planning : {session}, {day}",
                        "en": "Removed from the schedule: {session}, {day}",
                        "ar": "أُزيلت من الجدول: {session}، {day}"},
    "subject.restored": {"fr": "Maintenu : {session}, {day}",
                         "en": "Back on: {session}, {day}",
                         "ar": "أُعيدت: {session}، {day}"},
    "subject.reminder": {"fr": "Rappel : {session}, demain à {time}",
                         "en": "Reminder: {session}, tomorrow at {time}",
                         "ar": "تذكير: {session}، غدًا الساعة {time}"},
    "hello": {"fr": "Bonjour {name},", "en": "Hello {name},", "ar": "مرحبًا {name}،"},
    "intro.cancelled": {
        "fr": "la séance où vous êtes inscrit·e comme « {role} » est annulée.",
        "en": "the session you signed up for as '{role}' is cancelled.",
        "ar": "الحصة التي سجّلت فيها بصفة «{role}» ملغاة."},
    "intro.moved": {
        "fr": "la séance où vous êtes inscrit·e comme « {role} » a changé.",
        "en": "the session you signed up for as '{role}' has changed.",
        "ar": "الحصة التي سجّلت فيها بصفة «{role}» تغيّرت."},
    "intro.removed": {
        "fr": "la séance où vous êtes inscrit·e comme « {role} » a été retirée du planning.",
        "en": "the session you signed up for as '{role}' was removed from the schedule.",
        "ar": "الحصة التي سجّلت فيها بصفة «{role}» أُزيلت من الجدول."},
    "intro.restored": {
        "fr": "la séance où vous êtes inscrit·e comme « {role} » a finalement lieu.",
        "en": "the session you signed up for as '{role}' is back on.",
        "ar": "الحصة التي سجّلت فيها بصفة «{role}» ستُعقد في النهاية."},
    "intro.reminder": {
        "fr": "un petit rappel : vous êtes inscrit·e demain comme « {role} ». Merci !",
        "en": "a quick reminder: you are signed up tomorrow as '{role}'. Thank you!",
        "ar": "تذكير سريع: أنت مسجّل غدًا بصفة «{role}». شكرًا لك!"},
    "changed": {"fr": "Ce qui change :", "en": "What changed:", "ar": "ما الذي تغيّر:"},
    "change.day": {"fr": "jour : {before} → {after}", "en": "day: {before} → {after}",
                   "ar": "اليوم: {before} ← {after}"},
    "change.time": {"fr": "horaire : {before} → {after}", "en": "time: {before} → {after}",
                    "ar": "الوقت: {before} ← {after}"},
    "change.room": {"fr": "salle : {before} → {after}", "en": "room: {before} → {after}",
                    "ar": "القاعة: {before} ← {after}"},
    "change.venue": {"fr": "lieu : {before} → {after}", "en": "place: {before} → {after}",
                     "ar": "المكان: {before} ← {after}"},
    "line.session": {"fr": "Séance : {value}", "en": "Session: {value}",
                     "ar": "الحصة: {value}"},
    "line.when": {"fr": "Quand : {day}, {start}–{end}", "en": "When: {day}, {start}–{end}",
                  "ar": "متى: {day}، {start}–{end}"},
    "line.was": {"fr": "Prévue : {day}, {start}–{end}", "en": "Was planned: {day}, {start}–{end}",
                 "ar": "كانت مقررة: {day}، {start}–{end}"},
    "line.where": {"fr": "Où : {value}", "en": "Where: {value}", "ar": "أين: {value}"},
    "line.access": {"fr": "Pour y aller : {value}", "en": "Getting there: {value}",
                    "ar": "الوصول: {value}"},
    "line.reason": {"fr": "Raison : {value}", "en": "Reason: {value}", "ar": "السبب: {value}"},
    "line.contact": {"fr": "Contact de l'antenne : {value}",
                     "en": "Contact of the antenna: {value}",
                     "ar": "للتواصل مع الفرع: {value}"},
    "line.attachment": {
        "fr": "Le fichier joint (konexio.ics) met à jour la séance dans votre agenda.",
        "en": "The attached file (konexio.ics) updates the session in your calendar.",
        "ar": "الملف المرفق (konexio.ics) يحدّث الحصة في تقويمك."},
    "line.calendar": {
        "fr": "Votre agenda de bénévole, toujours à jour (à ne pas partager) : {value}",
        "en": "Your volunteer calendar, always up to date (do not share it): {value}",
        "ar": "تقويمك التطوعي، محدَّث دائمًا (لا تشاركه): {value}"},
    "line.stop": {
        "fr": "Pour ne plus recevoir de rappels, répondez « stop rappels » à l'antenne ({value}).",
        "en": "To stop reminders, write 'stop reminders' to the antenna ({value}).",
        "ar": "لإيقاف التذكيرات، اكتب «إيقاف التذكيرات» إلى الفرع ({value})."},
    "signature": {"fr": "L'équipe Konexio (message automatique)",
                  "en": "The Konexio team (automatic message)",
                  "ar": "فريق كونكسيو (رسالة تلقائية)"},
    "removed.reason": {"fr": "la séance ne figure plus au planning",
                       "en": "the session is no longer in the schedule",
                       "ar": "الحصة لم تعد في الجدول"},
    "calendar.title": {"fr": "Konexio · mes créneaux de bénévole",
                       "en": "Konexio · my volunteer shifts",
                       "ar": "كونكسيو · مناوباتي التطوعية"},
    "calendar.description": {
        "fr": "Les séances où vous êtes inscrit·e comme bénévole, mises à jour chaque jour.",
        "en": "The sessions you signed up for as a volunteer, updated every day.",
        "ar": "الحصص التي سجّلت فيها كمتطوع، تُحدَّث كل يوم."},
    "page.intro": {
        "fr": "Ce calendrier contient les séances où vous êtes inscrit·e. Abonnez-vous : "
              "votre agenda le relira tout seul. Ne partagez pas cette adresse.",
        "en": "This calendar holds the sessions you signed up for. Subscribe: your calendar "
              "will re-read it by itself. Do not share this address.",
        "ar": "يحتوي هذا التقويم على الحصص التي سجّلت فيها. اشترك فيه: سيعيد تقويمك قراءته "
              "تلقائيًا. لا تشارك هذا العنوان."},
    "page.subscribe": {"fr": "S'abonner", "en": "Subscribe", "ar": "اشترك"},
    "page.download": {"fr": "Télécharger", "en": "Download", "ar": "تنزيل"},
}


def word(code: str, lang: str, **values: str) -> str:
    templates = WORDS[code]
    return templates.get(lang, templates["fr"]).format(**values)
