namespace Pipeline.Tagging.Rules;

/// <summary>Name lists written for this project: places, organisation and publication words, given names.</summary>
internal static class Gazetteers
{
    /// <summary>US states, countries and world regions.</summary>
    public static readonly HashSet<string> Regions = new(StringComparer.Ordinal)
    {
        // US states and the capital district.
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
        "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
        "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
        "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
        "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
        "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "District of Columbia",
        "Washington, D.C.",

        // Countries and regions.
        "United States", "United States of America", "USA", "U.S.", "US", "America", "Canada", "Mexico", "Brazil",
        "Argentina", "Chile", "Colombia", "Peru", "Venezuela", "Ecuador", "Bolivia", "Uruguay", "Paraguay", "Cuba",
        "Jamaica", "Haiti", "Puerto Rico", "United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "England",
        "Scotland", "Wales", "Ireland", "Northern Ireland", "France", "Germany", "Italy", "Spain", "Portugal",
        "Netherlands", "Belgium", "Luxembourg", "Switzerland", "Austria", "Denmark", "Norway", "Sweden", "Finland",
        "Iceland", "Poland", "Czech Republic", "Czechia", "Slovakia", "Hungary", "Romania", "Bulgaria", "Greece",
        "Turkey", "Cyprus", "Malta", "Croatia", "Serbia", "Slovenia", "Bosnia", "Albania", "North Macedonia",
        "Macedonia", "Montenegro", "Kosovo", "Ukraine", "Belarus", "Russia", "Moldova", "Lithuania", "Latvia",
        "Estonia", "Georgia", "Armenia", "Azerbaijan", "Kazakhstan", "Uzbekistan", "Israel", "Palestine", "Lebanon",
        "Syria", "Jordan", "Iraq", "Iran", "Saudi Arabia", "Kuwait", "Qatar", "Bahrain", "Oman", "Yemen",
        "United Arab Emirates", "UAE", "Egypt", "Libya", "Tunisia", "Algeria", "Morocco", "Sudan", "Ethiopia",
        "Kenya", "Uganda", "Tanzania", "Rwanda", "Nigeria", "Ghana", "Senegal", "Cameroon", "Congo", "Angola",
        "Zambia", "Zimbabwe", "Mozambique", "Botswana", "Namibia", "South Africa", "Madagascar", "India", "Pakistan",
        "Bangladesh", "Sri Lanka", "Nepal", "Afghanistan", "China", "Japan", "South Korea", "North Korea", "Korea",
        "Taiwan", "Hong Kong", "Mongolia", "Vietnam", "Thailand", "Cambodia", "Laos", "Myanmar", "Malaysia",
        "Singapore", "Indonesia", "Philippines", "Australia", "New Zealand", "Europe", "Asia", "Africa",
        "North America", "South America", "Latin America", "Middle East", "Scandinavia",
    };

    /// <summary>Large cities (a "City, Region" pair needs a region, not one of these, after the comma).</summary>
    public static readonly HashSet<string> Cities = new(StringComparer.Ordinal)
    {
        "New York City", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio", "San Diego",
        "Dallas", "San Jose", "Austin", "Boston", "Seattle", "Denver", "Atlanta", "Miami", "Orlando", "Tampa",
        "Baltimore", "Detroit", "Minneapolis", "Portland", "San Francisco", "Las Vegas", "Nashville", "Pittsburgh",
        "Cleveland", "Cincinnati", "St. Louis", "New Orleans", "Salt Lake City", "Sacramento", "Honolulu",
        "Toronto", "Montreal", "Vancouver", "Ottawa", "London", "Manchester", "Birmingham", "Edinburgh", "Glasgow",
        "Dublin", "Paris", "Lyon", "Marseille", "Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne", "Vienna",
        "Zurich", "Geneva", "Basel", "Amsterdam", "Rotterdam", "Brussels", "Copenhagen", "Oslo", "Stockholm",
        "Helsinki", "Madrid", "Barcelona", "Lisbon", "Rome", "Milan", "Naples", "Athens", "Istanbul", "Moscow",
        "Warsaw", "Prague", "Budapest", "Kyiv", "Kiev", "Tel Aviv", "Jerusalem", "Cairo", "Dubai", "Riyadh",
        "Tehran", "Mumbai", "Delhi", "New Delhi", "Bangalore", "Beijing", "Shanghai", "Tokyo", "Osaka", "Seoul",
        "Bangkok", "Sydney", "Melbourne", "Brisbane", "Perth", "Auckland", "Mexico City", "Buenos Aires",
        "Sao Paulo", "São Paulo", "Rio de Janeiro", "Lima", "Bogota", "Santiago", "Johannesburg", "Cape Town",
        "Lagos", "Nairobi", "Manhattan", "Brooklyn", "Silicon Valley",
    };

    /// <summary>Every place name: regions and cities (declared after both, as static fields initialise in order).</summary>
    public static readonly HashSet<string> Places = new([.. Regions, .. Cities], StringComparer.Ordinal);

    /// <summary>Two-letter postal codes, accepted only after "City, ".</summary>
    public static readonly HashSet<string> StateCodes = new(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
        "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    };

    /// <summary>Words that make a capitalised name an organisation.</summary>
    public static readonly HashSet<string> OrganizationWords = new(StringComparer.Ordinal)
    {
        "Association", "Associations", "Institute", "Institutes", "Network", "Foundation", "Society", "University",
        "College", "Hospital", "Hospitals", "Clinic", "Clinics", "Center", "Centre", "Centers", "Centres", "Council",
        "Agency", "Administration", "Department", "Organization", "Organisation", "Inc", "Corp", "Corporation",
        "Company", "Ltd", "LLC", "Group", "Alliance", "Federation", "Board", "Committee", "Commission",
        "Laboratories", "Laboratory", "Labs", "Pharmaceuticals", "Pharma", "Therapeutics", "Trust", "Academy",
        "Ministry", "Service", "Services", "Consortium", "Coalition", "Authority", "Bureau", "Office", "School",
        "Partners", "Healthcare", "Bank", "Fund", "Union", "Registry", "Program",
        "Programme", "Initiative", "Project", "Collaboration", "Sciences", "Press", "Publishing", "Publishers",
    };

    public static readonly HashSet<string> KnownOrganizations = new(StringComparer.Ordinal)
    {
        "FDA", "CDC", "NIH", "NHS", "WHO", "EMA", "NICE", "NIMH", "NINDS", "NIDA", "NCI", "AMA", "APA", "ACR",
        "AHA", "ADA", "IASP", "UNICEF", "Red Cross", "Mayo Clinic", "Cleveland Clinic", "Johns Hopkins",
        "Harvard", "Stanford", "Yale", "Oxford", "Cambridge", "Pfizer", "Novartis", "Roche", "Merck", "Janssen",
        "Johnson & Johnson", "AstraZeneca", "GlaxoSmithKline", "GSK", "Sanofi", "Bayer", "Eli Lilly", "AbbVie",
        "Amgen", "Moderna", "Medicare", "Medicaid", "Cochrane", "Google", "Microsoft", "Apple", "Amazon",
        "Facebook", "Meta", "Twitter", "Instagram", "YouTube", "Reuters", "Associated Press",
    };

    /// <summary>Words that make a capitalised name a periodical when it contains them.</summary>
    public static readonly HashSet<string> PublicationWords = new(StringComparer.Ordinal)
    {
        "Journal", "Annals", "Archives", "Proceedings", "Bulletin", "Lancet", "Review", "Reviews", "Transactions",
        "Letters", "Gazette", "Quarterly", "Magazine", "Times", "Post", "Tribune", "Herald", "Chronicle",
    };

    public static readonly HashSet<string> KnownPublications = new(StringComparer.Ordinal)
    {
        "The Lancet", "Lancet", "JAMA", "BMJ", "NEJM", "Nature", "Science", "Cell", "PLoS ONE", "PLOS ONE",
        "PLoS One", "Pain", "Pain Medicine", "Neurology", "Pediatrics", "Circulation", "Anesthesiology",
        "Rheumatology", "Arthritis & Rheumatology", "Nature Medicine", "Nature Neuroscience", "Scientific Reports",
        "Frontiers in Psychiatry", "Frontiers in Neurology", "Molecular Psychiatry", "Biological Psychiatry",
        "Psychopharmacology", "Neuropsychopharmacology", "Cochrane Database of Systematic Reviews", "Medscape",
        "WebMD", "Healthline", "PubMed", "The New York Times", "The Washington Post", "The Guardian",
    };

    public static readonly HashSet<string> PersonTitles = new(StringComparer.Ordinal)
    {
        "Dr", "Dr.", "Doctor", "Prof", "Prof.", "Professor", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Mx.",
        "Sir", "Dame", "Nurse", "Sen.", "Senator", "Rep.", "President", "Gov.", "Governor",
    };

    public static readonly HashSet<string> PersonSuffixes = new(StringComparer.Ordinal)
    {
        "MD", "M.D.", "PhD", "Ph.D.", "DO", "D.O.", "RN", "NP", "PA-C", "PharmD", "DDS", "DPT", "MPH", "MSc",
        "FRCP", "FACP", "Jr.", "Sr.",
    };

    public static readonly HashSet<string> GivenNames = new(StringComparer.Ordinal)
    {
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
        "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
        "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan", "Jacob",
        "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin",
        "Samuel", "Gregory", "Alexander", "Patrick", "Frank", "Raymond", "Jack", "Dennis", "Jerry", "Tyler",
        "Aaron", "Jose", "Adam", "Nathan", "Henry", "Peter", "Zachary", "Kyle", "Noah", "Ethan", "Jeremy",
        "Christian", "Sean", "Keith", "Roger", "Terry", "Austin", "Carl", "Harold", "Arthur", "Lawrence", "Dylan",
        "Jesse", "Bryan", "Joe", "Jordan", "Billy", "Bruce", "Albert", "Willie", "Gabriel", "Logan", "Alan",
        "Juan", "Wayne", "Elijah", "Randy", "Roy", "Vincent", "Ralph", "Eugene", "Russell", "Bobby", "Mason",
        "Philip", "Louis", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica",
        "Sarah", "Karen", "Lisa", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna",
        "Michelle", "Carol", "Amanda", "Dorothy", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura",
        "Cynthia", "Kathleen", "Amy", "Angela", "Shirley", "Anna", "Brenda", "Pamela", "Emma", "Nicole", "Helen",
        "Samantha", "Katherine", "Christine", "Debra", "Rachel", "Carolyn", "Janet", "Catherine", "Maria",
        "Heather", "Diane", "Ruth", "Julie", "Olivia", "Joyce", "Virginia", "Victoria", "Kelly", "Lauren",
        "Christina", "Joan", "Evelyn", "Judith", "Megan", "Andrea", "Cheryl", "Hannah", "Jacqueline", "Martha",
        "Gloria", "Teresa", "Ann", "Sara", "Madison", "Frances", "Kathryn", "Janice", "Jean", "Abigail", "Alice",
        "Julia", "Judy", "Sophia", "Grace", "Denise", "Amber", "Doris", "Marilyn", "Danielle", "Beverly",
        "Isabella", "Theresa", "Diana", "Natalie", "Brittany", "Charlotte", "Marie", "Kayla", "Alexis", "Lori",
        "Wei", "Li", "Mohammed", "Muhammad", "Ahmed", "Ali", "Fatima", "Priya", "Raj", "Hiroshi", "Yuki", "Kim",
        "Carlos", "Luis", "Miguel", "Ana", "Sofia", "Hans", "Klaus", "Pierre", "Jean-Pierre", "Giovanni", "Marco",
    };

    /// <summary>Capitalised words that start sentences or headings and are never part of a place after "in".</summary>
    public static readonly HashSet<string> NotPlaceWords = new(StringComparer.Ordinal)
    {
        "The", "This", "That", "These", "Those", "A", "An", "Our", "Your", "My", "His", "Her", "Their", "Its",
        "Addition", "Fact", "General", "Conclusion", "Summary", "Contrast", "Particular", "Short", "Brief",
        "Order", "Turn", "Case", "Total", "Part", "Some", "Many", "Most", "All", "Each", "Other", "Recent",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "English", "Spanish", "Patients", "Phase", "Vitro", "Vivo", "Table", "Figure", "Section", "Chapter",
        "Treatment", "Therapy", "Research", "Studies", "Study", "Trials", "Practice", "Medicine", "Health",
    };
}
