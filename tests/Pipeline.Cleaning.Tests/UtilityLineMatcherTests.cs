using System.Text.RegularExpressions;
using Pipeline.Cleaning.Text;

namespace Pipeline.Cleaning.Tests;

/// <summary>The dispatched utility-line matcher selects exactly the lines the single 103-branch pattern it replaced selected.</summary>
public sealed class UtilityLineMatcherTests
{
    /// <summary>The pattern as it was written before it was split by first letter (kept verbatim as the reference).</summary>
    private static readonly Regex Reference = new(
        @"^((tags?|categories|category|filed under|topics?|labels?)\s*:.*|tags|categories|print( this (page|article))?|close|open menu|close menu|table of contents?|contents|in this article|on this page|jump to( section)?|show (more|less)|load more|see all|view all|loading( \w+)?(\.\.\.|…)?|more(\.\.\.|…)|(jump|skip|go) to recipe|(print|pin|save|rate)( this)? recipe|sign in|sign up|log ?in|log ?out|register|(create|register) (an|a new) account|already have an account\?.*|(you need to|you must) (be a member|log ?in|sign in|register)\b.*|(log|sign) ?in (to|or)\b.{0,60}|not open for further replies|(reaction score|joined|posts|messages|points|karma|member since)(:?\s*[\d,.kK]+|:.{0,20})?|\d+\s+(likes?|replies|views|posts)|likes? this|[\w.-]+( and \d+ others?)? likes? this|copyright|verified (buyer|purchase|owner)|based on [\d,]+ reviews?|showing \d[\d,]*(\s*[-–]\s*\d[\d,]*)? of \d[\d,]*.{0,20}|\d[\d,]* (results|items|products)( found)?|sort by:?.{0,30}|filter( by)?:?.{0,30}|.{0,40}calculated at checkout.{0,20}|get notified\b.{0,60}|back|back to (top|home|blog|all \w+|\w+)|original poster|(new|senior|junior|active|premium|well[- ]known|registered|valued|verified|trusted) member|\d+\+? years? member|join(ed)? date\b.{0,20}|threads:?\s*[\d,.kK]+|top posters\b.{0,30}|create an account or (sign|log) ?in\b.{0,40}|was this (page |article |answer )?helpful\??|(article|story) continues below.{0,20}|advertise with us|follow (us|me)( on [\w ]{1,20})?!?|stay connected\b.{0,30}|share (this )?(article|post|story)\b.{0,40}|coming soon!?|returns (&|and) exchanges accepted\b.{0,30}|financing( options)?|customer (reviews|stories|testimonials)|trending searches|why trust us\??|what (our|other) (customers|clients) (are )?say(ing)?|in partnership with|you (may|might) (also )?be interested in.{0,50}|(recent|more|other|latest) (stories|posts|articles) (by|from) .{1,40}|results per page|oops! something went wrong.{0,60}|thank you! your submission has been received!?|members earn\b.{0,60}|(this is )?what customers who (viewed|bought) this (item|product) (also )?(viewed|bought)|(product |all |shop by |browse )?(categories|brands|collections)|top (collections|brands|categories)|featured (on|in)|contact|article archive|get the free e-?book!?|more quick links.{0,20}|welcome to [\w .]{1,30}!|explore more( \w+)?|displaying \d[\d,]*\s*(-|–|to)\s*\d.{0,50}|report( (inappropriate|abusive))? (content|post|abuse)|report|sent from my .{1,60}|open in app|play video|(view|sort|filter) options|explore in 3d|summarize with ai|how was this (issue|article|post|newsletter)\??|like what you see\?.{0,40}|.{0,40}\b(funded|supported) by readers( like you)?|deal of the day|use (promo|coupon|discount) code.{0,20}|promotion has expired|.{1,40}[|·•]\s*\d+\s*min(ute)?s? read|this (post|article|story|content) is (only )?(for|exclusive to|available to) (paid |premium )?(\S+ )?(subscribers|members)|join \w+ for free\b.{0,60}|subscribe to get\b.{0,60}|sign up for (our )?newsletters?|join our\b.{0,20}\bnewsletter)[\s:.!?]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>One line for each branch of the pattern (each alternative first word of a branch too).</summary>
    public static readonly string[] BranchExamples =
    [
        "Tags: travel, food",
        "Categories: News",
        "Category: Sport",
        "Filed under: Local",
        "Topic: Health",
        "Topics: A, B",
        "Labels: x",
        "Label: y",
        "tags",
        "Categories",
        "Print",
        "Print this page",
        "print this article",
        "Close",
        "Open menu",
        "Close menu",
        "Table of content",
        "Table of contents",
        "Contents",
        "In this article",
        "On this page",
        "Jump to",
        "Jump to section",
        "Show more",
        "show less",
        "Load more",
        "See all",
        "View all",
        "Loading",
        "Loading comments...",
        "loading posts…",
        "More...",
        "more…",
        "Jump to recipe",
        "Skip to recipe",
        "Go to recipe",
        "Print recipe",
        "Pin this recipe",
        "Save recipe",
        "Rate this recipe",
        "Sign in",
        "Sign up",
        "Login",
        "Log in",
        "Logout",
        "log out",
        "Register",
        "Create an account",
        "Register a new account",
        "Already have an account? Log in",
        "You need to be a member to reply",
        "You must log in to comment",
        "Log in to reply to this thread",
        "Sign in or register",
        "Not open for further replies",
        "Reaction score: 1,234",
        "Joined: Mar 2019",
        "Posts: 5.2k",
        "Messages 812",
        "Points: 40",
        "Karma 12K",
        "Member since: 2011",
        "12 likes",
        "3 replies",
        "1204 views",
        "8 posts",
        "Likes this",
        "like this",
        "jane.doe likes this",
        "Sam and 3 others like this",
        "Copyright",
        "Verified buyer",
        "Verified purchase",
        "verified owner",
        "Based on 1,204 reviews",
        "Showing 1-24 of 310 results",
        "Showing 24 of 310",
        "1,204 results",
        "12 items found",
        "3 products",
        "Sort by: newest",
        "Sort by",
        "Filter",
        "Filter by: price",
        "Taxes and shipping calculated at checkout",
        "Shipping calculated at checkout.",
        "Get notified when it is back",
        "Back",
        "Back to top",
        "Back to home",
        "Back to blog",
        "Back to all posts",
        "Back to shop",
        "Original poster",
        "New member",
        "Senior Member",
        "Junior member",
        "Active member",
        "Premium member",
        "Well-known member",
        "Well known member",
        "Registered member",
        "Valued member",
        "Verified member",
        "Trusted member",
        "5 years member",
        "10+ year member",
        "Join date: Jan 2020",
        "Joined date",
        "Threads: 42",
        "threads 1.2K",
        "Top posters this month",
        "Create an account or sign in to comment",
        "Was this helpful?",
        "Was this article helpful",
        "Article continues below",
        "Story continues below advertisement",
        "Advertise with us",
        "Follow us",
        "Follow me on Instagram!",
        "Stay connected",
        "Share this article",
        "Share post with friends",
        "Coming soon!",
        "Returns & exchanges accepted",
        "Returns and exchanges accepted within 30 days",
        "Financing",
        "Financing options",
        "Customer reviews",
        "Customer testimonials",
        "Trending searches",
        "Why trust us?",
        "What our customers say",
        "What other clients are saying",
        "In partnership with",
        "You may also be interested in these",
        "You might be interested in",
        "Recent stories by Jane Doe",
        "More posts from the team",
        "Other articles by us",
        "Latest posts from Rome",
        "Results per page",
        "Oops! Something went wrong while submitting the form.",
        "Thank you! Your submission has been received!",
        "Members earn double points",
        "This is what customers who viewed this item also viewed",
        "What customers who bought this product bought",
        "Product categories",
        "All brands",
        "Shop by collections",
        "Browse categories",
        "Categories",
        "Brands",
        "Collections",
        "Top brands",
        "Top collections",
        "Featured on",
        "Featured in",
        "Contact",
        "Article archive",
        "Get the free ebook!",
        "Get the free e-book",
        "More quick links",
        "Welcome to Larkfield!",
        "Explore more",
        "Explore more recipes",
        "Displaying 1 - 20 of 45",
        "Displaying 1 to 20",
        "Report inappropriate content",
        "Report abuse",
        "Report post",
        "Report",
        "Sent from my iPhone using Tapatalk",
        "Open in app",
        "Play video",
        "View options",
        "Sort options",
        "Filter options",
        "Explore in 3D",
        "Summarize with AI",
        "How was this newsletter?",
        "How was this article",
        "Like what you see? Subscribe",
        "This newsletter is funded by readers like you",
        "Supported by readers",
        "Jane Doe | 5 min read",
        "News · 12 minutes read",
        "By Sam • 1 min read",
        "Deal of the day",
        "Use promo code SAVE10",
        "Use coupon code X",
        "Promotion has expired",
        "This post is only for paid subscribers",
        "This article is exclusive to premium members",
        "This story is available to Medium members",
        "Join Medium for free to get updates",
        "Subscribe to get the full story",
        "Sign up for our newsletter",
        "Sign up for newsletters",
        "Join our weekly newsletter",
        "Join our newsletter",
    ];

    /// <summary>Case folds (the Kelvin sign, dotted and dotless i, long s), other digits, empty and very long lines.</summary>
    public static readonly string[] TrickyLines =
    [
        "\u212Aarma: 12", "li\u212Ae this", "\u212Aarma", "ba\u212Ar", "bac\u212A", "Sam li\u212Aes this",
        "S\u0130GN IN", "s\u0131gn in", "\u017Fign in", "\u017Fhow more", "Read \u017Fomething",
        "\u0663 likes", "\uFF11\uFF12 results", "\u0661\u0662 results", "12\u00A0likes",
        "", " ", "\u2026", "\u00AB Back", "BACK TO TOP!!", "back to top :", "Sign in.", "SIGN UP!", "Report?", "contact:",
        "Jane Doe likes this picture of the river at dawn", "The river froze early this year", "Read more", "Share",
        "\u00C7a va", "\u00DCber uns", "zoom", "xylophone", "quiet", "7 min read", "5 min read | News", "Contents: 12",
        string.Concat(Enumerable.Repeat("Why the old mill pond froze early this year, and what the parish council said about it. ", 4)),
        new string('a', 300), string.Concat(Enumerable.Repeat("like ", 200)), string.Concat(Enumerable.Repeat("x ", 60)) + "calculated at checkout",
        string.Concat(Enumerable.Repeat("Back ", 50)) + "to top", "Back to " + new string('w', 500),
    ];

    /// <summary>First characters to put in front of (or in place of the start of) each example.</summary>
    private static readonly char[] Starts =
    [
        .. Enumerable.Range(0, 128).Select(c => (char)c).Where(char.IsAsciiLetterOrDigit), ' ', '.', '-', '(', '[', '|', '!', '&', '\'', '\t',
        '\u212A', '\u017F', '\u0130', '\u0131', '\u00B5', '\u00C5', '\u212B', '\u00E9', '\u00AB', '\u2022', '\u0663', '\uFF11', '\u00A0', '\u2014',
    ];

    [Fact]
    public void Every_branch_example_is_a_utility_line()
    {
        foreach (var line in BranchExamples)
        {
            Assert.True(Reference.IsMatch(line), line);
            Assert.True(UtilityLineMatcher.IsMatch(line), line);
        }
    }

    [Fact]
    public void The_whole_pattern_is_the_reference_pattern()
    {
        foreach (var line in Variants())
        {
            Assert.True(Reference.IsMatch(line) == LinePatterns.UtilityLine().IsMatch(line), line);
        }
    }

    [Fact]
    public void Dispatching_selects_the_same_lines_as_the_reference_pattern()
    {
        foreach (var line in Variants())
        {
            Assert.True(Reference.IsMatch(line) == UtilityLineMatcher.IsMatch(line), line);
        }
    }

    [Fact]
    public void The_kelvin_sign_counts_as_a_k_and_turkish_i_does_not_count_as_i()
    {
        Assert.True(UtilityLineMatcher.LetterLookalikes.Contains('\u212A'));
        Assert.False(UtilityLineMatcher.LetterLookalikes.Contains('\u0131'));
        Assert.True(UtilityLineMatcher.IsMatch("\u212Aarma: 12"));
        Assert.True(UtilityLineMatcher.IsMatch("Sam li\u212Aes this"));
        Assert.Equal(Reference.IsMatch("S\u0130GN IN"), UtilityLineMatcher.IsMatch("S\u0130GN IN"));
        Assert.Equal(Reference.IsMatch("\u017Fign in"), UtilityLineMatcher.IsMatch("\u017Fign in"));
    }

    [Fact]
    public void Lines_of_the_seeds_are_selected_as_before()
    {
        var lines = Directory.GetFiles(TestData.Path("seeds"), "*.txt").SelectMany(File.ReadAllLines).Select(l => l.Trim()).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            Assert.True(Reference.IsMatch(line) == UtilityLineMatcher.IsMatch(line), line);
        }
    }

    /// <summary>Each example and tricky line as it is, upper-cased, lengthened, and with each start character before it or in place of its first.</summary>
    private static IEnumerable<string> Variants()
    {
        foreach (var line in BranchExamples.Concat(TrickyLines))
        {
            yield return line;
            yield return line.ToUpperInvariant();
            yield return line + " ...";
            foreach (var c in Starts)
            {
                yield return c + line;
                if (line.Length > 0)
                {
                    yield return c + line[1..];
                }
            }
        }
    }
}
