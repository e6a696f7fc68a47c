"""The words of the mails and of the personal calendar page, in each language volunteers
read (French in a language the ``volunteers`` domain lacks).

The French text is the msgid of the ``volunteers`` gettext domain
(``konexio/locale/<lang>/LC_MESSAGES/volunteers.po``), where each language's words live;
names of programs, antennas, venues and roles come from the data.
"""

from __future__ import annotations

from konexio.i18n import N_, VOLUNTEERS

WORDS: dict[str, str] = {
    "subject.cancelled": N_("Annulé : %(session)s, %(day)s"),
    "subject.moved": N_("Changement : %(session)s, %(day)s"),
    "subject.removed": N_("Retiré du planning : %(session)s, %(day)s"),
    "subject.restored": N_("Maintenu : %(session)s, %(day)s"),
    "subject.reminder": N_("Rappel : %(session)s, demain à %(time)s"),
    "subject.promoted": N_("Une place s'est libérée : %(session)s, %(day)s"),
    "subject.stand_in": N_("Remplacement cherché : %(session)s, %(day)s"),
    "subject.stand_in_late": N_("Personne ne remplace encore : %(session)s, %(day)s"),
    "subject.stand_ins": N_("Remplacements cherchés"),
    "subject.several": N_("Plusieurs de vos créneaux de bénévole changent"),
    "subject.reminders": N_("Rappel : vos créneaux de demain, %(day)s"),
    "subject.mixed": N_("Vos créneaux de bénévole : des nouvelles"),
    "hello": N_("Bonjour %(name)s,"),
    "intro.cancelled": N_("la séance où vous êtes inscrit·e comme « %(role)s » est annulée."),
    "intro.moved": N_("la séance où vous êtes inscrit·e comme « %(role)s » a changé."),
    "intro.removed": N_(
        "la séance où vous êtes inscrit·e comme « %(role)s » a été retirée du planning."),
    "intro.restored": N_("la séance où vous êtes inscrit·e comme « %(role)s » a finalement lieu."),
    "intro.reminder": N_(
        "un petit rappel : vous êtes inscrit·e demain comme « %(role)s ». Merci !"),
    "intro.promoted": N_(
        "une place s'est libérée : vous n'êtes plus sur la liste d'attente, vous êtes "
        "inscrit·e comme « %(role)s ». Si vous ne pouvez plus venir, effacez votre nom de "
        "la feuille ou prévenez l'antenne."),
    "item.promoted": N_("Une place pour vous (vous : %(role)s)"),
    "intro.stand_in": N_(
        "une personne inscrite comme « %(role)s » ne peut pas venir : pouvez-vous la "
        "remplacer ? Si oui, écrivez votre nom dans une case libre de cette séance, dans la "
        "feuille des créneaux. Merci !"),
    "intro.stand_ins": N_(
        "des personnes inscrites ne peuvent pas venir : pouvez-vous en remplacer une ? Si "
        "oui, écrivez votre nom dans une case libre de la séance, dans la feuille des "
        "créneaux. Merci !"),
    "intro.stand_in_late": N_(
        "une personne inscrite comme « %(role)s » ne peut pas venir et personne ne la "
        "remplace encore ; la séance est proche : trouvez quelqu'un ou prévenez le groupe."),
    "intro.stand_ins_late": N_(
        "des personnes inscrites ne peuvent pas venir et personne ne les remplace encore ; "
        "les séances sont proches : trouvez quelqu'un ou prévenez les groupes."),
    "item.stand_in": N_("Remplacement cherché (%(role)s)"),
    "item.digest": N_("Votre résumé de la semaine"),
    "item.stand_in_late": N_("Personne ne remplace encore (%(role)s)"),
    "intro.several": N_(
        "plusieurs séances où vous êtes inscrit·e ont changé ; voici chacune."),
    "intro.mixed": N_(
        "voici les nouvelles de vos créneaux de bénévole, séance par séance."),
    "line.promoted": N_(
        "Si vous ne pouvez plus venir, effacez votre nom de la feuille ou prévenez l'antenne."),
    "line.stand_in": N_(
        "Pour remplacer, écrivez votre nom dans une case libre de cette séance, dans la "
        "feuille des créneaux. Merci !"),
    "intro.reminders": N_(
        "un petit rappel : vous êtes inscrit·e demain à plusieurs séances. Merci !"),
    "item.cancelled": N_("Annulée (vous : %(role)s)"),
    "item.moved": N_("Changée (vous : %(role)s)"),
    "item.removed": N_("Retirée du planning (vous : %(role)s)"),
    "item.restored": N_("Finalement maintenue (vous : %(role)s)"),
    "item.reminder": N_("Demain (vous : %(role)s)"),
    "changed": N_("Ce qui change :"),
    "change.day": N_("jour : %(before)s → %(after)s"),
    "change.time": N_("horaire : %(before)s → %(after)s"),
    "change.room": N_("salle : %(before)s → %(after)s"),
    "change.venue": N_("lieu : %(before)s → %(after)s"),
    "line.session": N_("Séance : %(value)s"),
    "line.when": N_("Quand : %(day)s, %(start)s–%(end)s"),
    "line.was": N_("Prévue : %(day)s, %(start)s–%(end)s"),
    "line.where": N_("Où : %(value)s"),
    "line.access": N_("Pour y aller : %(value)s"),
    "line.reason": N_("Raison : %(value)s"),
    "line.contact": N_("Contact de l'antenne : %(value)s"),
    "line.attachment": N_("Le fichier joint (konexio.ics) met à jour la séance dans votre agenda."),
    "line.attachments": N_(
        "Le fichier joint (konexio.ics) met à jour ces séances dans votre agenda."),
    "line.calendar": N_(
        "Votre agenda de bénévole, toujours à jour (à ne pas partager) : %(value)s"),
    "line.cannot_come": N_(
        "Vous ne pouvez plus venir ? Ajoutez « %(mark)s » après votre nom dans la feuille "
        "des créneaux, sans l'effacer : nous cherchons quelqu'un pour vous remplacer."),
    "line.stop": N_(
        "Pour ne plus recevoir de rappels, répondez « stop rappels » à l'antenne (%(value)s)."),
    "signature": N_("L'équipe Konexio (message automatique)"),
    "line.privacy": N_(
        "Ce que nous gardons sur vous, et comment le voir ou l'effacer : %(value)s"),
    "removed.reason": N_("la séance ne figure plus au planning"),
    "event.summary": N_("Bénévole (%(role)s) : %(program)s · %(antenna)s"),
    "event.cancelled": N_("Annulé : %(summary)s"),
    "event.moved": N_("Déplacé : %(summary)s"),
    "event.role": N_("Votre rôle : %(value)s"),
    "digest.subject": N_("Les créneaux où votre aide serait utile"),
    "digest.subject.coordination": N_("La semaine des bénévoles"),
    "digest.intro": N_(
        "voici les créneaux des deux semaines qui viennent où il manque quelqu'un dans vos "
        "rôles. Pour en prendre un, écrivez votre nom dans une case libre de la feuille des "
        "créneaux."),
    "digest.intro.coordination": N_(
        "voici la semaine de vos bénévoles : les deux semaines qui viennent, d'après les "
        "feuilles d'inscription."),
    "digest.open": N_("Créneaux où il manque du monde :"),
    "digest.places": N_("%(what)s : places libres : %(num)s"),
    "digest.none": N_("aucun, merci !"),
    "digest.overlaps": N_("Inscrits sur deux créneaux qui se chevauchent :"),
    "digest.waiting": N_("Listes d'attente :"),
    "digest.waiting.line": N_("%(what)s : en attente : %(num)s"),
    "digest.stand_ins": N_("Remplacements cherchés :"),
    "digest.absences": N_("Absents sans excuse à deux séances ou plus (8 dernières semaines) :"),
    "digest.absences.line": N_("%(name)s : %(num)s séances"),
    "digest.stop": N_(
        "Pour ne plus recevoir ce résumé, demandez-le à l'antenne (colonne « résumé de la "
        "semaine » de la liste des bénévoles)."),
    "calendar.title": N_("Konexio · mes créneaux de bénévole"),
    "calendar.description": N_(
        "Les séances où vous êtes inscrit·e comme bénévole, mises à jour chaque jour."),
    "page.intro": N_(
        "Ce calendrier contient les séances où vous êtes inscrit·e. Abonnez-vous : "
        "votre agenda le relira tout seul. Ne partagez pas cette adresse."),
    "page.subscribe": N_("S'abonner"),
    "page.download": N_("Télécharger"),

}


def word(code: str, lang: str, **values: str) -> str:
    """The words ``code`` in ``lang``, their ``%(name)s`` placeholders filled in."""
    return VOLUNTEERS.gettext(lang, WORDS[code], **values)
