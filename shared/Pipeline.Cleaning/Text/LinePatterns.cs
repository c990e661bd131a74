using System.Text.RegularExpressions;

namespace Pipeline.Cleaning.Text;

/// <summary>Source-generated patterns that recognise boilerplate lines. Each is anchored to the whole (short) line.</summary>
internal static partial class LinePatterns
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^(share( this( (post|article|story|page))?)?( on \w+)?|share (on|via) [\w ,]+|pin it( on pinterest)?|pin (this |it )?for later!?|tweet( this)?|(facebook|twitter|x|linkedin|pinterest|whatsapp|reddit|telegram|email|e-mail|print|copy link|flipboard)([\s,|/·•]+(facebook|twitter|x|linkedin|pinterest|whatsapp|reddit|telegram|email|e-mail|print|copy link|flipboard))*|click to share on \w+.*|(\d+\s+)?shares?)[\s:!.]*$", Opts)]
    public static partial Regex Share();

    [GeneratedRegex(@"(©|\(c\)|copyright)\s*(provided by|\w+ images|getty|shutterstock|istock|reuters|ap photo)|^(photo|image|picture|photograph|illustration|credit|source|foto)s?( credit)?\s*(:|by\b)|\bphoto(graph)? by .{2,60}( on (unsplash|pexels|pixabay))?$|\((photo|image|credit)s?:? [^)]{2,60}\)$|\b(getty images|shutterstock|istock(photo)?|unsplash|pexels|pixabay)\b.{0,20}$", Opts)]
    public static partial Regex ImageCredit();

    [GeneratedRegex(@"^[\[(<]?\s*((misc|featured|hero|header|stock|placeholder|inline|main|blog|cover|post)\s+)?(pic|pics|picture|image|img|photo|thumbnail|graphic|illustration|figure|icon|logo|banner|placeholder)(\s+(placeholder|\d+))?\s*[\])>]?$|^!\[[^\]]*\]\([^)]*\)$|^\[(image|img|photo|picture)[^\]]*\]$", Opts)]
    public static partial Regex ImagePlaceholder();

    [GeneratedRegex(@"^((head(quarters|\s*office)|office|address|location|phone|tel(ephone)?|mobile|cell|fax|e-?mail|website|web|url|site|facebook|twitter|x|instagram|linkedin|youtube|tiktok|pinterest|whatsapp|hours|opening hours|contact( us)?)\s*[:：]|(\+|\(?\d{3}\)?[\s.-])[\d\s().-]{7,}$|https?://\S+$|www\.\S+$|@\w{2,}$|[\w.+-]+@[\w-]+\.[\w.]+$)", Opts)]
    public static partial Regex ContactLine();

    [GeneratedRegex(@"^(copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b|\b(copyright|©)\s*(\d{4}|[a-z])|\b(powered|designed|design|theme|website|site) by\b|^(privacy policy|terms( of (use|service))?|cookie policy|sitemap|imprint|impressum)(\s*[|·•/-]\s*(privacy policy|terms( of (use|service))?|cookie policy|sitemap|imprint|impressum|contact( us)?|accessibility|disclaimer))+$", Opts)]
    public static partial Regex Copyright();

    [GeneratedRegex(@"\b(we use cookies|this (web)?site uses cookies|uses cookies to|accept (all )?cookies|cookie (settings|preferences|policy|consent)|by continuing to (use|browse)|manage (your )?consent)\b", Opts)]
    public static partial Regex Cookie();

    [GeneratedRegex(@"\b(sign up for (our|the) (free )?([\w'’]+ ){0,3}(newsletters?|emails?|updates)|subscribe to (our|the) (free )?(newsletter|mailing list|blog|channel|updates)|join (our|the) (newsletter|mailing list)|get (our|the) newsletter|enter your e-?mail( address)?|newsletter sign[- ]?up|delivered (straight )?to your inbox|unsubscribe at any time)\b", Opts)]
    public static partial Regex Newsletter();

    [GeneratedRegex(@"^(skip to (main )?(content|navigation)|toggle navigation|main menu|menu|search|home|back to top|scroll to top|previous( post| article)?|next( post| article)?|(«|‹|<)\s*(previous|prev|older)\b.*|.*\b(next|newer)\s*(»|›|>))[\s:.]*$", Opts)]
    public static partial Regex NavigationWord();

    [GeneratedRegex(@"^((written|edited|reviewed|fact[- ]checked|medically reviewed|posted|published|updated|authored|photographed|illustrated)( and \w+)?\s+by\b.{0,60}|by\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}|(written|edited|reviewed|fact[- ]checked) by|\d+\s*(min(ute)?s?|hours?)\s+read(ing time)?|reading time:?\s*\d+\s*min(ute)?s?)[\s:.|·•]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Byline();

    [GeneratedRegex(@"^((list |sale |regular |our |your |current |total |unit )?price:?|was:?|now:?|from|starting (at|from)|save|only|subtotal:?|total:?|you save:?)?\s*(([$€£¥₹]|usd|eur|gbp|cad|aud|us\$|rs\.?)\s?\d[\d.,\s]*|\d[\d.,]*\s?([$€£¥₹]|usd|eur|gbp|kr|zł|руб))(\s*(-|–|to)\s*([$€£¥₹]\s?)?\d[\d.,]*\s?[$€£¥₹]?)?(\s*(\(\d+%\s*off\)|\d+%\s*off|each|/\s*(mo|month|year|yr|unit|ea)|per (month|year|unit)))?[\s*.]*$|^(free (standard |express |next[- ]day )?(shipping|delivery|returns?)\b.{0,40}|(in|out of) stock\b.{0,30}|only \d+ left( in stock)?.{0,20}|add to (cart|bag|basket|wish ?list|registry)|buy (it )?now|quantity:?|qty:?|sold (and shipped )?by\b.{0,40}|ships from\b.{0,40}|arrives (by|on)\b.{0,30}|order within\b.{0,30}|(estimated )?delivery( date)?:?.{0,30}|checkout|proceed to checkout|add (a )?protection plan.{0,30}|see (options|details)|write a review|save (up to )?\d+%( off)?|(rated )?\d(\.\d)?\s*(out of 5( stars)?|stars?)(\s*\(?\d[\d,]*\)?\s*(reviews?|ratings?)?)?|\(?\d[\d,]*\)?\s*(customer )?(reviews?|ratings?)|select (a )?(size|colou?r|option)s?|size guide|notify me( when available)?|pick ?up in store.{0,30}|compare( at)?|sku:?.{0,20}|item #?:?.{0,20}|model #?:?.{0,20})[\s.!]*$", Opts)]
    public static partial Regex ShopLine();

    [GeneratedRegex(@"\b(as an amazon associate|(may )?(contain|contains|include|includes|uses?) affiliate links?|affiliate (links?|commissions?|partners?)\b.{0,40}\b(earn|commission|compensat)|(we|us|i) (may )?(earn|receive) (a )?(small )?(commission|compensation)|earn (us|me) a (small )?commission|purchases made through (our |these )?links|(products|items) are (chosen|selected) independently|independently (select|evaluate|review|research)\w* (all )?(of )?(our|the|these) (products|recommendations|picks)|supported by (commissions|advertis\w+|affiliate)|when you (buy|purchase|shop) through (our |the )?links)", Opts)]
    public static partial Regex AffiliateDisclosure();

    [GeneratedRegex(@"^(leave a (comment|reply)\b.*|did you (make|try|enjoy) (this|one of (my|our|these))( recipes?| posts?)?\?.*|your email address will not be published.*|required fields are marked.*|(\d+ )?comments?( \(\d+\))?|no comments( yet)?\.?|be the first to comment.*|join the (discussion|conversation).*)$", Opts)]
    public static partial Regex CommentPrompt();

    [GeneratedRegex(@"^(advertisement|advertising|sponsored( content)?|ad|ads|paid content|story continues below( advertisement)?|continue reading below)[\s:.]*$|^(advertisement|sponsored)\s*:.{1,60}$|^.{1,150}\((sponsored|advertisement|paid post|partner content)\)$", Opts)]
    public static partial Regex AdLabel();

    [GeneratedRegex(@"^((tags?|categories|category|filed under|topics?|labels?)\s*:.*|tags|categories|print( this (page|article))?|close|open menu|close menu|table of contents?|contents|in this article|on this page|jump to( section)?|show (more|less)|load more|see all|view all|loading( \w+)?(\.\.\.|…)?|more(\.\.\.|…)|(jump|skip|go) to recipe|(print|pin|save|rate)( this)? recipe|sign in|sign up|log ?in|log ?out|register|(create|register) (an|a new) account|already have an account\?.*|(you need to|you must) (be a member|log ?in|sign in|register)\b.*|(log|sign) ?in (to|or)\b.{0,60}|not open for further replies|(reaction score|joined|posts|messages|points|karma|member since)(:?\s*[\d,.kK]+|:.{0,20})?|\d+\s+(likes?|replies|views|posts)|likes? this|[\w.-]+( and \d+ others?)? likes? this|copyright|verified (buyer|purchase|owner)|based on [\d,]+ reviews?|showing \d[\d,]*(\s*[-–]\s*\d[\d,]*)? of \d[\d,]*.{0,20}|\d[\d,]* (results|items|products)( found)?|sort by:?.{0,30}|filter( by)?:?.{0,30}|.{0,40}calculated at checkout.{0,20}|get notified\b.{0,60}|back|back to (top|home|blog|all \w+|\w+)|original poster|(new|senior|junior|active|premium|well[- ]known|registered|valued|verified|trusted) member|\d+\+? years? member|join(ed)? date\b.{0,20}|threads:?\s*[\d,.kK]+|top posters\b.{0,30}|create an account or (sign|log) ?in\b.{0,40}|was this (page |article |answer )?helpful\??|(article|story) continues below.{0,20}|advertise with us|follow (us|me)( on [\w ]{1,20})?!?|stay connected\b.{0,30}|share (this )?(article|post|story)\b.{0,40}|coming soon!?|returns (&|and) exchanges accepted\b.{0,30}|financing( options)?|customer (reviews|stories|testimonials)|trending searches|why trust us\??|what (our|other) (customers|clients) (are )?say(ing)?|in partnership with|you (may|might) (also )?be interested in.{0,50}|(recent|more|other|latest) (stories|posts|articles) (by|from) .{1,40}|results per page|oops! something went wrong.{0,60}|thank you! your submission has been received!?|members earn\b.{0,60}|(this is )?what customers who (viewed|bought) this (item|product) (also )?(viewed|bought)|(product |all |shop by |browse )?(categories|brands|collections)|top (collections|brands|categories)|featured (on|in)|contact|article archive|get the free e-?book!?|more quick links.{0,20}|welcome to [\w .]{1,30}!|explore more( \w+)?|displaying \d[\d,]*\s*(-|–|to)\s*\d.{0,50}|report( (inappropriate|abusive))? (content|post|abuse)|report|sent from my .{1,60}|open in app|play video|(view|sort|filter) options|explore in 3d|summarize with ai|how was this (issue|article|post|newsletter)\??|like what you see\?.{0,40}|.{0,40}\b(funded|supported) by readers( like you)?|deal of the day|use (promo|coupon|discount) code.{0,20}|promotion has expired|.{1,40}[|·•]\s*\d+\s*min(ute)?s? read|this (post|article|story|content) is (only )?(for|exclusive to|available to) (paid |premium )?(\S+ )?(subscribers|members)|join \w+ for free\b.{0,60}|subscribe to get\b.{0,60}|sign up for (our )?newsletters?|join our\b.{0,20}\bnewsletter)[\s:.!?]*$", Opts)]
    public static partial Regex UtilityLine();

    [GeneratedRegex(@"^(related( reading| posts?| articles?| stories| content| links?)?|you (may|might) also (like|enjoy)|read (more|next|also)|see also|also read|more)\s*:\s*\S.{0,150}$", Opts)]
    public static partial Regex RelatedInline();

    [GeneratedRegex(@"^(related( posts| articles| stories| reading| content| links)?|you (may|might) also (like|enjoy)|read (next|also|more)|also read|more (from|on|stories|articles)\b.*|recommended( for you| reading| articles)?|popular (posts|articles|stories)|trending( now)?|further reading|see also|don'?t miss|latest (posts|news|articles)|(other|more|similar|recent) (posts|articles|stories|reads)( you (may|might) (like|enjoy))?|good articles to read( together)?|keep reading|explore more( articles| posts)?|related (items|products|searches|topics|resources)( (&|and) resources)?|(this is )?what customers who (viewed|bought) this (item|product) (also )?(viewed|bought)|recommended (stories|posts|products)|you (may|might) (also )?(like|enjoy)|what others are reading|more by (the|this) author|customers who (viewed|bought) this( item| product)? also (viewed|bought))[\s:.]*$", Opts)]
    public static partial Regex RelatedHeading();

    [GeneratedRegex(@"^((learn|read|find out|see|view|discover) more( about .{1,60})?|continue reading.*|click here.*|get started( today| now)?|get in touch|contact us( today| now)?|call (us )?(now|today)|(book|schedule|make) (an|a|your) (appointment|consultation|call|visit)( today| now| online)?|sign up( now| today| for free)?|subscribe( now| today)?|join (us|now|today)|shop now|buy now|donate( now| today)?|order now|download now|try (it )?(for )?free|try (it )?now|request a (quote|demo)|get (a|your) (free )?quote( today| now)?|let'?s (connect|talk|chat)|explore (more|our \w+))[\s.!:»>→]*$", Opts)]
    public static partial Regex StrongCallToAction();

    [GeneratedRegex(@"^(learn|read|discover|explore|find out|see|view|book|schedule|contact|call|get|start|join|subscribe|sign up|follow|visit|shop|download|try|request|claim|register|reserve|grab|enroll|apply)\b", Opts)]
    public static partial Regex ImperativeStart();

    [GeneratedRegex(@"\b(book an? (appointment|consultation|session)|make an appointment|schedule (a|an|your) (consultation|appointment|visit|call)|contact us|call us|get in touch|free consultation|sign up|request a quote|visit our|our (team|clinic|practice|experts|services|mission|products|company|store|shop)|we offer|we provide|we specialize|we prioritize)\b", Opts)]
    public static partial Regex PromotionalPhrase();

    [GeneratedRegex(@"^([Aa]t|[Aa]bout) ([A-Z][\w&'’.-]*)(\s+[A-Z][\w&'’.-]*){0,3},?\s+(we|our)\b|^([Oo]ur (mission|vision|team|story|goal|purpose|promise|values)\b)|^([Aa]bout us|[Ww]ho we are|[Ww]hy choose us)\b", RegexOptions.CultureInvariant)]
    public static partial Regex AboutUsStart();

    [GeneratedRegex(@"^\s*([-*+•·▪◦‣●○■□➢➤►✓✔]|\d{1,3}[.)])\s+")]
    public static partial Regex ListMarker();

    [GeneratedRegex(@"\w+")]
    public static partial Regex Word();

    [GeneratedRegex(@"^(.{1,40}?)(\s+(>|»|›|/|\||·|•|→|::)\s+.{1,40}?){2,}$")]
    public static partial Regex Breadcrumb();
}
