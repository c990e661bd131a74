using System.Text;

namespace Pipeline.Cleaning.Tests;

/// <summary>Short documents dropped into the inbox are kept whole: no note is emptied into its title or rejected.</summary>
public sealed class ShortNoteTests
{
    private static readonly DocumentCleaner Cleaner = new();

    public static TheoryData<string, string> OneLineNotes() => new()
    {
        { "en", "Remember to buy milk and call the plumber about the leaking kitchen tap before Friday." },
        { "de", "Bitte die Heizung im Keller vor dem Winter noch einmal prüfen lassen." },
        { "fr", "Rappel : réunion jeudi" },
        { "es", "La reunión con el proveedor se ha movido al martes a las diez." },
        { "ja", "明日の会議は午後三時に変更になりました。資料を忘れずに持ってきてください。" },
        { "en-short", "Call the bank" },
    };

    public static TheoryData<string, string> OneParagraphNotes() => new()
    {
        { "en", "The meeting moved to Thursday at ten. Bring the budget figures and the draft contract so we can go through them with the lawyers before lunch." },
        { "de", "Die Sitzung wurde auf Donnerstag verschoben. Bitte bringt die Zahlen zum Budget und den Vertragsentwurf mit, damit wir sie mit den Anwälten besprechen können." },
        { "fr", "La réunion est reportée à jeudi matin. Merci d'apporter les chiffres du budget et le projet de contrat pour que nous puissions les relire avec les avocats." },
        { "es", "La reunión se ha movido al jueves por la mañana. Traed las cifras del presupuesto y el borrador del contrato para revisarlos con los abogados." },
    };

    public static TheoryData<string, string, string> TwoParagraphNotes() => new()
    {
        { "en", "The meeting moved to Thursday at ten. Bring the budget figures.", "After that we will go through the draft contract with the lawyers and decide on the next steps." },
        { "de", "Die Sitzung wurde auf Donnerstag verschoben.", "Bitte bringt die Zahlen zum Budget mit, damit wir sie mit den Anwälten besprechen können." },
        { "fr", "Nous avons reçu la facture du plombier ce matin.", "Elle est plus élevée que prévu, il faudra en parler avec le propriétaire avant de la payer." },
        { "es", "El informe trimestral ya está listo.", "Lo he dejado en la carpeta compartida; revisad sobre todo la sección de costes antes del viernes." },
        { "it", "Ho parlato con il fornitore stamattina.", "Ci manderà il nuovo listino entro la fine del mese, insieme ai campioni che avevamo chiesto." },
    };

    [Theory]
    [MemberData(nameof(OneLineNotes))]
    public void A_one_line_note_is_kept_whole_and_titled_from_itself(string language, string note)
    {
        var result = Clean(note, language);
        Assert.Equal(note, result.Text);
        Assert.NotEmpty(result.Title);
        Assert.StartsWith(result.Title.TrimEnd('…'), note, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OneParagraphNotes))]
    public void A_one_paragraph_note_is_kept_whole(string language, string note)
    {
        var result = Clean(note, language);
        Assert.Equal(note, result.Text);
        Assert.Empty(result.Removed);
        Assert.StartsWith(result.Title.TrimEnd('…'), note, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TwoParagraphNotes))]
    public void A_two_paragraph_note_keeps_its_first_paragraph(string language, string first, string second)
    {
        var result = Clean(first + "\n\n" + second + "\n", language);
        Assert.Equal(first + "\n\n" + second, result.Text);
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void A_first_line_that_looks_like_a_title_still_becomes_the_title()
    {
        var result = Clean("Budget meeting\n\nThe meeting moved to Thursday at ten. Bring the budget figures.\n", "en");
        Assert.Equal("Budget meeting", result.Title);
        Assert.Equal("The meeting moved to Thursday at ten. Bring the budget figures.", result.Text);
    }

    [Fact]
    public void A_wrapped_first_sentence_is_not_taken_for_a_title()
    {
        var result = Clean("The meeting moved to Thursday at ten and we\nwill go through the draft contract with the lawyers.\n", "en");
        Assert.Equal("The meeting moved to Thursday at ten and we\nwill go through the draft contract with the lawyers.", result.Text);
    }

    [Fact]
    public void A_list_of_facts_is_kept_whole()
    {
        const string facts = "- Paris: 2.1 million\n- Lyon: 0.5 million\n- Marseille: 0.9 million";
        var result = Clean(facts + "\n", "en");
        Assert.Equal(facts, result.Text);
        Assert.Equal("Paris: 2.1 million", result.Title);
    }

    [Fact]
    public void A_shopping_list_without_markers_is_kept_whole()
    {
        const string list = "Groceries\n\nmilk\neggs\nbread\nbutter\napples\nolive oil";
        var result = Clean(list + "\n", "en");
        Assert.Equal("Groceries", result.Title);
        Assert.Equal("milk\neggs\nbread\nbutter\napples\nolive oil", result.Text);
    }

    [Fact]
    public void Menu_runs_around_an_article_dump_are_removed_as_navigation()
    {
        const string paragraph = "The harbour master counted forty boats leaving before dawn, more than in any week since the new quay was finished, and the fish market stayed open late. Buyers came from three towns along the coast, and by noon the price of mackerel had fallen by half.";
        var result = Clean("Home\nNews\nSport\nWeather\nPodcasts\nContact\n\nBoats at dawn\n\n" + paragraph + "\n", "en");
        Assert.Equal(paragraph, result.Text);
        Assert.Equal("Boats at dawn", result.Title);
        Assert.Contains(result.Removed, r => r.Kind == BoilerplateKinds.Navigation && r.Text == "Podcasts");
    }

    [Fact]
    public void A_note_that_reads_like_a_newsletter_prompt_is_still_kept()
    {
        const string note = "Sign up for our newsletter before the conference so the organisers can send the programme.";
        Assert.Equal(note, Clean(note, "en").Text);
    }

    [Fact]
    public void A_bare_menu_has_no_prose_and_is_rejected_as_empty_after_cleaning()
    {
        var ex = Assert.Throws<CleaningRejectedException>(() => Clean("Home | About | Blog | Contact\n", "en"));
        Assert.Equal("empty-after-cleaning", ex.Reason);
    }

    private static CleaningResult Clean(string text, string language) =>
        Cleaner.Clean(new CleaningInput(Encoding.UTF8.GetBytes(text), $"note-{language}.txt"));
}
