"""How to subscribe to a feed in the common calendar apps, in each site language.

Data only: the site renders it next to each feed's links. ``{url}`` in a step stands for the
feed's https:// address and ``{webcal}`` for its webcal:// address; the template fills them
(or shows them next to the steps). Menu names are those of the apps' French, English and
Arabic interfaces as of 2025; apps rename menus now and then, so keep the steps short.
"""

from __future__ import annotations

from dataclasses import dataclass

from konexio.model.types import Text


@dataclass(frozen=True, kw_only=True)
class HowTo:
    """The steps to subscribe in one calendar app."""

    app: str
    """Stable id, for anchors and icons: google, apple, outlook, thunderbird."""
    name: str
    """The app's own name (not translated)."""
    steps: tuple[Text, ...]
    note: Text | None = None


SUBSCRIBE_VS_DOWNLOAD = Text(
    fr="S'abonner : votre agenda relit le calendrier tout seul, les séances déplacées ou "
       "annulées s'y mettent à jour. Télécharger : une copie, qui ne changera plus.",
    en="Subscribe: your calendar re-reads the feed by itself, so moved or cancelled sessions "
       "update there. Download: a copy that will not change any more.",
    ar="الاشتراك: يعيد تقويمك قراءة الجدول تلقائيًا، فتتحدّث الحصص المنقولة أو الملغاة. "
       "التنزيل: نسخة لن تتغيّر بعد ذلك.",
)

HOWTOS: tuple[HowTo, ...] = (
    HowTo(
        app="google",
        name="Google Calendar",
        steps=(
            Text(fr="Sur un ordinateur, ouvrez calendar.google.com (l'application mobile ne "
                    "permet pas d'ajouter un abonnement).",
                 en="On a computer, open calendar.google.com (the phone app cannot add a "
                    "subscription).",
                 ar="على الحاسوب، افتح calendar.google.com (لا يسمح تطبيق الهاتف بإضافة "
                    "اشتراك)."),
            Text(fr="À gauche, à côté de « Autres agendas », cliquez sur « + » puis "
                    "« À partir de l'URL ».",
                 en="On the left, next to 'Other calendars', click '+' then 'From URL'.",
                 ar="على اليسار، بجانب «تقويمات أخرى»، انقر على «+» ثم «من عنوان URL»."),
            Text(fr="Collez l'adresse {url} puis cliquez sur « Ajouter un agenda ».",
                 en="Paste the address {url} and click 'Add calendar'.",
                 ar="الصق العنوان {url} ثم انقر على «إضافة تقويم»."),
        ),
        note=Text(fr="Google relit les abonnements à son rythme : un changement peut mettre "
                     "jusqu'à un jour à apparaître. Sur Android, activez la synchronisation "
                     "de cet agenda dans l'application.",
                  en="Google re-reads subscriptions at its own pace: a change can take up to "
                     "a day to show. On Android, turn on sync for this calendar in the app.",
                  ar="يعيد Google قراءة الاشتراكات بحسب وتيرته: قد يستغرق ظهور التغيير حتى "
                     "يوم كامل. على أندرويد، فعّل مزامنة هذا التقويم في التطبيق."),
    ),
    HowTo(
        app="apple",
        name="Apple Calendar",
        steps=(
            Text(fr="Sur iPhone ou iPad, touchez le lien « S'abonner » ({webcal}) puis "
                    "« S'abonner » et « Ajouter ».",
                 en="On iPhone or iPad, tap the 'Subscribe' link ({webcal}), then "
                    "'Subscribe' and 'Add'.",
                 ar="على iPhone أو iPad، المس رابط «اشتراك» ({webcal}) ثم «اشتراك» "
                    "و«إضافة»."),
            Text(fr="Sur Mac, dans Calendrier, choisissez Fichier > Nouvel abonnement à un "
                    "calendrier, collez {url} puis cliquez sur « S'abonner ».",
                 en="On a Mac, in Calendar, choose File > New Calendar Subscription, paste "
                    "{url} and click 'Subscribe'.",
                 ar="على Mac، في تطبيق التقويم، اختر ملف > اشتراك جديد في تقويم، والصق "
                    "{url} ثم انقر على «اشتراك»."),
            Text(fr="Choisissez « Actualisation automatique » : toutes les heures ou tous "
                    "les jours.",
                 en="Set 'Auto-refresh' to every hour or every day.",
                 ar="اضبط «التحديث التلقائي» على كل ساعة أو كل يوم."),
        ),
    ),
    HowTo(
        app="outlook",
        name="Outlook",
        steps=(
            Text(fr="Dans Outlook sur le web ou le nouvel Outlook, ouvrez le Calendrier puis "
                    "« Ajouter un calendrier ».",
                 en="In Outlook on the web or the new Outlook, open Calendar then "
                    "'Add calendar'.",
                 ar="في Outlook على الويب أو Outlook الجديد، افتح التقويم ثم «إضافة تقويم»."),
            Text(fr="Choisissez « S'abonner à partir du web », collez {url}, donnez un nom "
                    "puis cliquez sur « Importer ».",
                 en="Choose 'Subscribe from web', paste {url}, give it a name and click "
                    "'Import'.",
                 ar="اختر «الاشتراك من الويب»، والصق {url}، وأعطه اسمًا ثم انقر على "
                    "«استيراد»."),
            Text(fr="Dans Outlook classique pour Windows : Accueil > Ajouter un calendrier > "
                    "À partir d'Internet, collez {url} puis « OK ».",
                 en="In classic Outlook for Windows: Home > Add Calendar > From Internet, "
                    "paste {url} then 'OK'.",
                 ar="في Outlook الكلاسيكي لنظام Windows: الصفحة الرئيسية > إضافة تقويم > "
                    "من الإنترنت، والصق {url} ثم «موافق»."),
        ),
        note=Text(fr="Outlook relit les abonnements toutes les quelques heures.",
                  en="Outlook re-reads subscriptions every few hours.",
                  ar="يعيد Outlook قراءة الاشتراكات كل بضع ساعات."),
    ),
    HowTo(
        app="thunderbird",
        name="Thunderbird",
        steps=(
            Text(fr="Ouvrez l'onglet Agenda et cliquez sur « Nouvel agenda » (le « + » à "
                    "côté de la liste des agendas).",
                 en="Open the Calendar tab and click 'New Calendar' (the '+' next to the "
                    "list of calendars).",
                 ar="افتح علامة تبويب التقويم وانقر على «تقويم جديد» (علامة «+» بجانب قائمة "
                    "التقويمات)."),
            Text(fr="Choisissez « Sur le réseau », collez {url} dans « Adresse », puis "
                    "« Rechercher des agendas ».",
                 en="Choose 'On the Network', paste {url} as the 'Location', then "
                    "'Find Calendars'.",
                 ar="اختر «على الشبكة»، والصق {url} في خانة «العنوان»، ثم «البحث عن "
                    "التقويمات»."),
            Text(fr="Cochez l'agenda trouvé puis cliquez sur « S'abonner ».",
                 en="Tick the calendar found and click 'Subscribe'.",
                 ar="حدّد التقويم الذي تم العثور عليه ثم انقر على «اشتراك»."),
        ),
    ),
)
"""In the order pages show them."""
