"""This app's share of the demo content (`manage.py load_demo_content`). Idempotent.

The KazakhMys appeal and its article, from the campaign's 2013 texts, and the recipients of
the model letter. Every embassy and postal address here is an example (example.org): real
addresses must come from the editors. Runs after the prisoners' and the videos' demo content,
which it links to.
"""

from datetime import datetime

from django.utils import timezone

from prisoners.models import Prisoner
from publishing.languages import set_translations
from publishing.models import Article, Category, Post, SiteSettings

from .models import Appeal, Recipient

EMBASSIES = [
    ("GB", "Embassy of the Republic of Kazakhstan in the United Kingdom", "London"),
    ("IE", "Embassy of the Republic of Kazakhstan in Ireland", "Dublin"),
    ("DE", "Embassy of the Republic of Kazakhstan in Germany", "Berlin"),
    ("BE", "Embassy of the Republic of Kazakhstan in Belgium", "Brussels"),
    ("FR", "Embassy of the Republic of Kazakhstan in France", "Paris"),
    ("SE", "Embassy of the Republic of Kazakhstan in Sweden", "Stockholm"),
]

PRESIDENTIAL_ADMINISTRATION = "Presidential Administration of the Republic of Kazakhstan"

APPEAL_SLUG = "paul-murphy-mep-expresses-solidarity-with-workers-at-kazakhmys-metal-foundry"
ARTICLE_SLUG = "angry-protests-erupt-in-zhezkazgan"
# media_library's demo names the video; either spelling of its address is accepted.
PAUL_MURPHY_VIDEO_SLUG = "video-message-from-paul-murphy-for-debate-in-brussels"

LETTER_BODY = """\
I am writing to protest against the plan to close the KazakhMys plants in Zhezkazgan. Shutting the smelter, and with it the enrichment plant in Satpaev, would throw thousands of workers out of work and ruin two towns that live from these plants, for the sake of short-term profit.

I support the workers' demand that the plants be nationalised and run under the democratic control of the workers, who built them, depend on them and should decide their future.

The workers have called a demonstration for 6 July. Peaceful protest in Kazakhstan has too often been met with repression, most terribly in Zhanaozen in December 2011, when police fired on striking oil workers. I call on your government to let the demonstration take place freely and safely.

I also call for the release of Roza Tuleteva of the Zhanaozen strike, who is denied proper medical care, of the human-rights lawyer Vadim Kuramshin and of the poet Aron Atabek, held in solitary confinement.

People across Europe are watching what happens in Zhezkazgan."""  # noqa: E501

APPEAL_BODY = (
    "<p>Paul Murphy, Member of the European Parliament, has sent a protest to the authorities of "
    "Kazakhstan in support of the workers of the KazakhMys metal foundry in Zhezkazgan. The company "
    "wants to close the plant; the workers demand that it be nationalised and placed under their "
    "democratic control, and they have called a mass demonstration for Saturday 6 July.</p>"
    "<p>Earlier protests in Kazakhstan were met with brutal repression, most infamously the police "
    "massacre of striking oil workers in Zhanaozen in December 2011. Roza Tuleteva, a leading figure "
    "of that peaceful strike, is still in prison; the human-rights lawyer Vadim Kuramshin was locked "
    "away after a trial in name only; the poet Aron Atabek is in solitary confinement.</p>"
    "<p>Europe is paying attention to Kazakhstan after recent visits by the President of the "
    "European Commission and the British Prime Minister. If anything happens to the protesters in "
    "Zhezkazgan, that attention will turn into opposition. Add your voice: send the model letter "
    "below to the embassy of Kazakhstan in your country, with a few words of your own.</p>"
)

ARTICLE_BODY = (
    "<p>On the morning of 24 June, hundreds of angry residents of Zhezkazgan gathered outside the "
    "metal foundry of the London-listed company KazakhMys. They had heard that the company would "
    "“place the plant in conservation”, and they took it for what it is: a plan to close the "
    "factory. Their answer was a demand that the foundry, and the other KazakhMys companies in "
    "Zhezkazgan and Satpaev, be nationalised, so that the two towns are not turned into ghost "
    "towns.</p>"
    "<p>As Berik Zhagiparov of the Socialist Movement Kazakhstan put it, the smoke from the "
    "factory chimneys is the sign that there is life in Zhezkazgan. Berik edited the newspaper "
    "Molodezhnaya Gazeta until it was closed this year, and has been detained twice in recent "
    "months for taking part in protests.</p>"
    "<h2>800 jobs to go, and more to follow</h2>"
    "<p>A little over a week earlier, the general director of KazakhMys Smelting announced that the "
    "factory would stop on 1 September. Some 200 office staff would be moved to Balkhash, 500 "
    "workers would stay on and 800 would lose their jobs. People took this to mean that those who "
    "stayed would be dismantling the plant. With rumours that the enrichment plant in Satpaev will "
    "close too, putting another 1,000 workers on the street, about 15,000 people, counting "
    "families, stand to be affected.</p>"
    "<p>Film of the demonstration shows the workers demanding answers from the management. They "
    "remember the huge efforts they made to save the whole Karaganda region from ruin, and they "
    "refuse to pay now for a fall in the world price of copper.</p>"
    "<h2>Bosses and their “representatives” get a rough ride</h2>"
    "<p>The factory director and the deputy mayor told the crowd there were no plans to "
    "“conserve” the plant: most workers would stay, working on reconstruction, perhaps part-time "
    "and on half their present pay. Nobody believed them. Their words contradicted both last "
    "week's announcement and plans revealed in 2011 to demolish the factories and move production "
    "to Balkhash.</p>"
    "<p>The workers then called on the president of the in-house union to speak. He repeated what "
    "the management had said, and was accused of being the director's advocate and of standing "
    "with the bosses instead of his members. Another speaker said that none of the local "
    "representatives had shown any concern for the plant, and proposed that they be recalled and "
    "replaced by people elected to act for the workers.</p>"
    "<h2>Next: 6 July</h2>"
    "<p>During the protest the workers drew up an appeal to the President to nationalise the "
    "factories and keep production, and with it the towns, alive. They know that no one is "
    "listening to them, and they are discussing how to take the struggle further: rallies, strikes "
    "and other action to defend their factory and their future. They are confident that the people "
    "of the towns, whose livelihoods depend on the plants, will support them. Everyone concerned "
    "is called to a new gathering on 6 July.</p>"
    "<p>Messages of solidarity from around the world would give great courage to the working "
    "people of Zhezkazgan: send the model letter in our appeal to the embassy of Kazakhstan in "
    "your country.</p>"
)


def aware(*args):
    return timezone.make_aware(datetime(*args), timezone.get_fixed_timezone(0))


def load_content():
    """Create or update the demo prisoners, recipients, the KazakhMys appeal and its article.

    Idempotent: everything is matched by slug (recipients by country or name), timelines are
    rewritten, and the appeal's count of letters sent is never touched.
    """
    prisoners = {prisoner.slug: prisoner for prisoner in Prisoner.objects.all()}
    for code, name, city in EMBASSIES:
        Recipient.objects.update_or_create(
            kind=Recipient.Kind.EMBASSY,
            country=code,
            defaults={
                "name": name,
                "postal_address": f"EXAMPLE ADDRESS (demo data)\n1 Example Street\n{city}",
                "email": f"embassy-{code.lower()}@example.org",
                "phone": "+00 000 000 000",
                "website": f"https://example.org/embassy-{code.lower()}",
                "salutation": "Your Excellency,",
                "is_example": True,
            },
        )
    administration, _ = Recipient.objects.update_or_create(
        kind=Recipient.Kind.CENTRAL,
        name=PRESIDENTIAL_ADMINISTRATION,
        defaults={
            "postal_address": "EXAMPLE ADDRESS (demo data)\n1 Example Avenue\nAstana\nKazakhstan",
            "email": "presidential-administration@example.org",
            "website": "https://example.org/presidential-administration",
            "salutation": "Dear Sir or Madam,",
            "is_example": True,
        },
    )
    for recipient in Recipient.objects.filter(is_example=True):
        set_translations(
            recipient, {code: {"salutation": text} for code, text in SALUTATIONS[recipient.kind].items()}
        )
    load_article()
    load_appeal(prisoners, administration)


def load_article():
    article, _ = Article.objects.update_or_create(
        slug=ARTICLE_SLUG,
        defaults={
            "title": "Angry protests erupt in Zhezkazgan",
            "standfirst": "Workers demand nationalisation, not “conservation”, of KazakhMys.",
            "body": ARTICLE_BODY,
            "byline": SiteSettings.current().name,
            "status": Post.Status.PUBLISHED,
            "published_at": aware(2013, 6, 26, 9, 0),
        },
    )
    article.categories.set([Category.objects.get(slug="articles")])
    return article


def load_appeal(prisoners, administration):
    video = (
        Post.objects.filter(kind="video", slug__startswith=PAUL_MURPHY_VIDEO_SLUG).order_by("slug").first()
    )
    appeal, _ = Appeal.objects.update_or_create(
        slug=APPEAL_SLUG,
        defaults={
            "title": "Paul Murphy MEP expresses solidarity with workers at KazakhMys metal foundry",
            "standfirst": "The workers of Zhezkazgan are fighting the closure of their copper smelter. "
            "Send the model protest letter to the embassy of Kazakhstan in your country.",
            "body": APPEAL_BODY,
            "byline": SiteSettings.current().name,
            "status": Post.Status.PUBLISHED,
            "published_at": aware(2013, 7, 3, 10, 0),
            "letter_subject": "Protest: no closure of the KazakhMys plants in Zhezkazgan",
            "letter_salutation": "Dear Sir or Madam,",
            "letter_body": LETTER_BODY,
            "letter_closing": "Yours in protest,",
            "write_to_embassies": True,
            "action_status": Appeal.ActionStatus.OPEN,
            "deadline": None,
            "featured_video": video,
        },
    )
    appeal.categories.set([Category.objects.get(slug="appeals"), Category.objects.get(slug="video")])
    appeal.addressees.set([administration])
    appeal.prisoners.set([prisoners["roza-tuleteva"], prisoners["vadim-kuramshin"], prisoners["aron-atabek"]])
    set_translations(appeal, APPEAL_TRANSLATIONS)
    return appeal


# The appeal in Russian and Kazakh (Cyrillic): written for readers of each, not word for word.
APPEAL_TRANSLATIONS = {
    "ru": {
        "title": "Депутат Европарламента Пол Мёрфи выразил солидарность с рабочими медеплавильного "
        "завода «Казахмыса»",
        "standfirst": "Рабочие Жезказгана борются против закрытия своего медеплавильного завода. "
        "Отправьте письмо протеста в посольство Казахстана в вашей стране.",
        "body": (
            "<p>Пол Мёрфи, депутат Европейского парламента, направил властям Казахстана протест в "
            "поддержку рабочих медеплавильного завода «Казахмыса» в Жезказгане. Компания хочет закрыть "
            "завод; рабочие требуют национализировать его и передать под их демократический контроль и "
            "созывают массовую демонстрацию в субботу, 6 июля.</p>"
            "<p>Прежние протесты в Казахстане подавлялись жестоко, и страшнее всего — в Жанаозене в "
            "декабре 2011 года, когда полиция расстреляла бастовавших нефтяников. Роза Тулетаева, одна из "
            "лидеров той мирной забастовки, до сих пор в заключении; правозащитника Вадима Курамшина "
            "осудили после процесса, который был судом лишь по названию; поэт Арон Атабек содержится в "
            "одиночной камере.</p>"
            "<p>После недавних визитов председателя Европейской комиссии и премьер-министра "
            "Великобритании Европа внимательно следит за Казахстаном. Если с участниками протеста в "
            "Жезказгане что-то случится, это внимание обернётся противодействием. Поддержите рабочих: "
            "отправьте письмо протеста в посольство Казахстана в вашей стране, добавив несколько слов от "
            "себя.</p>"
        ),
        "letter_subject": "Протест: не допустить закрытия заводов «Казахмыса» в Жезказгане",
        "letter_salutation": "Уважаемые дамы и господа!",
        "letter_body": """\
Я пишу, чтобы выразить протест против планов закрыть заводы «Казахмыса» в Жезказгане. Закрытие медеплавильного завода, а вместе с ним и обогатительной фабрики в Сатпаеве, оставит без работы тысячи рабочих и разорит два города, которые живут этими предприятиями, — ради сиюминутной прибыли.

Я поддерживаю требование рабочих национализировать заводы и передать их под демократический контроль трудящихся: они их построили, зависят от них и должны сами решать их будущее.

Рабочие созывают демонстрацию 6 июля. Мирные протесты в Казахстане слишком часто встречали репрессиями, страшнее всего — в Жанаозене в декабре 2011 года, когда полиция открыла огонь по бастующим нефтяникам. Призываю ваше правительство дать демонстрации пройти свободно и безопасно.

Я также призываю освободить Розу Тулетаеву, участницу жанаозенской забастовки, которой отказывают в надлежащей медицинской помощи, правозащитника Вадима Курамшина и поэта Арона Атабека, содержащегося в одиночной камере.

Люди по всей Европе следят за тем, что происходит в Жезказгане.""",  # noqa: E501
        "letter_closing": "С уважением и протестом,",
    },
    "kk": {
        "title": "Еуропарламент депутаты Пол Мёрфи «Қазақмыс» мыс қорыту зауытының жұмысшыларына "
        "ынтымағын білдірді",
        "standfirst": "Жезқазған жұмысшылары мыс қорыту зауытының жабылуына қарсы күресуде. Наразылық "
        "хатын еліңіздегі Қазақстан елшілігіне жіберіңіз.",
        "body": (
            "<p>Еуропа парламентінің депутаты Пол Мёрфи Жезқазғандағы «Қазақмыс» мыс қорыту зауытының "
            "жұмысшыларын қолдап, Қазақстан билігіне наразылық хат жолдады. Компания зауытты жапқысы "
            "келеді; жұмысшылар оны ұлттандырып, өздерінің демократиялық бақылауына беруді талап етеді "
            "және 6 шілде, сенбі күні жаппай шеруге шақырады.</p>"
            "<p>Қазақстандағы бұрынғы наразылықтар қатыгездікпен басылды, солардың ең сұмдығы — 2011 "
            "жылғы желтоқсанда Жаңаөзенде полицияның ереуілдегі мұнайшыларды атуы. Сол бейбіт ереуілдің "
            "жетекшілерінің бірі Роза Төлетаева әлі түрмеде; құқық қорғаушы Вадим Курамшин аты ғана сот "
            "болған процестен кейін сотталды; ақын Арон Атабек жалғыз адамдық камерада отыр.</p>"
            "<p>Еуропалық комиссия төрағасы мен Ұлыбритания премьер-министрінің жақындағы сапарларынан "
            "кейін Еуропа Қазақстанды мұқият бақылап отыр. Жезқазғандағы наразылық білдірушілерге бір "
            "нәрсе болса, бұл назар қарсылыққа айналады. Үніңізді қосыңыз: өз сөзіңізді қосып, үлгі хатты "
            "еліңіздегі Қазақстан елшілігіне жіберіңіз.</p>"
        ),
        "letter_subject": "Наразылық: Жезқазғандағы «Қазақмыс» зауыттарын жабуға жол бермеу",
        "letter_salutation": "Құрметті ханымдар мен мырзалар!",
        "letter_body": """\
Жезқазғандағы «Қазақмыс» зауыттарын жабу жоспарына наразылығымды білдіру үшін жазып отырмын. Мыс қорыту зауытын, онымен бірге Сәтбаевтағы байыту фабрикасын жабу мыңдаған жұмысшыны жұмыссыз қалдырады және осы кәсіпорындармен күн көріп отырған екі қаланы қысқа мерзімді пайда үшін күйзелтеді.

Мен зауыттарды ұлттандырып, жұмысшылардың демократиялық бақылауына беру туралы талапты қолдаймын: зауыттарды солар салды, солар оларға тәуелді және олардың болашағын да солар шешуі керек.

Жұмысшылар 6 шілдеге шеру жариялады. Қазақстанда бейбіт наразылық тым жиі қуғын-сүргінге ұшырады, ең ауыры — 2011 жылғы желтоқсанда Жаңаөзенде полиция ереуілдегі мұнайшыларға оқ атқан кезде. Үкіметіңізді шерудің еркін әрі қауіпсіз өтуіне мүмкіндік беруге шақырамын.

Сондай-ақ тиісті медициналық көмектен қағылған Жаңаөзен ереуілінің қатысушысы Роза Төлетаеваны, құқық қорғаушы Вадим Курамшинді және жалғыз адамдық камерада отырған ақын Арон Атабекті босатуға шақырамын.

Бүкіл Еуропадағы адамдар Жезқазғанда не болып жатқанын бақылап отыр.""",  # noqa: E501
        "letter_closing": "Наразылықпен және құрметпен,",
    },
}

# The recipients' salutations, which open the letter when it is written in that language.
SALUTATIONS = {
    Recipient.Kind.EMBASSY: {"ru": "Ваше превосходительство!", "kk": "Мәртебелі елші!"},
    Recipient.Kind.CENTRAL: {"ru": "Уважаемые дамы и господа!", "kk": "Құрметті ханымдар мен мырзалар!"},
}
