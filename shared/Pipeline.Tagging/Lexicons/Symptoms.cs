namespace Pipeline.Tagging.Lexicons;

/// <summary>
/// Signs, symptoms and adverse effects, which the Disease Ontology leaves out but which health texts (and the
/// BC5CDR guidelines) treat as diseases. A general clinical list, used as a lexicon feature.
/// </summary>
internal static class Symptoms
{
    public static readonly string[] All =
    [
        "pain", "ache", "aches", "soreness", "tenderness", "cramps", "cramping", "spasm", "spasms", "stiffness",
        "swelling", "edema", "oedema", "inflammation", "redness", "itching", "pruritus", "rash", "rashes",
        "hives", "urticaria", "blisters", "bruising", "bleeding", "hemorrhage", "haemorrhage", "fever", "chills",
        "sweating", "night sweats", "fatigue", "tiredness", "weakness", "malaise", "lethargy", "drowsiness",
        "somnolence", "sedation", "insomnia", "sleepiness", "nausea", "vomiting", "emesis", "diarrhea",
        "diarrhoea", "constipation", "bloating", "indigestion", "dyspepsia", "heartburn", "abdominal pain",
        "loss of appetite", "anorexia", "weight loss", "weight gain", "dehydration", "thirst", "dry mouth",
        "xerostomia", "headache", "headaches", "migraine", "dizziness", "vertigo", "lightheadedness",
        "fainting", "syncope", "seizure", "seizures", "convulsion", "convulsions", "tremor", "tremors",
        "twitching", "tics", "numbness", "tingling", "paresthesia", "paresthesias", "paralysis", "ataxia",
        "confusion", "disorientation", "delirium", "agitation", "restlessness", "irritability", "memory loss",
        "amnesia", "hallucinations", "hallucination", "delusions", "paranoia", "psychosis", "mania",
        "depression", "anxiety", "panic attacks", "mood swings", "suicidal thoughts", "suicidal ideation",
        "blurred vision", "vision loss", "blindness", "double vision", "diplopia", "tinnitus", "hearing loss",
        "deafness", "cough", "coughing", "wheezing", "shortness of breath", "dyspnea", "dyspnoea",
        "breathlessness", "respiratory depression", "apnea", "apnoea", "chest pain", "angina", "palpitations",
        "tachycardia", "bradycardia", "arrhythmia", "arrhythmias", "hypotension", "hypertension",
        "high blood pressure", "low blood pressure", "asystole", "cardiac arrest", "heart failure",
        "hiccups", "hiccup", "jaundice", "anemia", "anaemia", "bleeding gums", "hair loss", "alopecia",
        "incontinence", "urinary retention", "frequent urination", "sexual dysfunction", "erectile dysfunction",
        "impotence", "infertility", "muscle pain", "myalgia", "joint pain", "arthralgia", "back pain",
        "neck pain", "nerve pain", "neuralgia", "neuropathy", "cramp", "muscle weakness", "myopathy",
        "tetany", "dystonia", "dyskinesia", "akathisia", "rigidity", "bradykinesia", "hyperalgesia",
        "allodynia", "toxicity", "cardiotoxicity", "nephrotoxicity", "hepatotoxicity", "neurotoxicity",
        "ototoxicity", "overdose", "poisoning", "intoxication", "withdrawal", "dependence", "addiction",
        "injury", "injuries", "damage", "lesion", "lesions", "ulcer", "ulcers", "infection", "infections",
        "sepsis", "necrosis", "fibrosis", "ischemia", "ischaemia", "infarction", "thrombosis", "embolism",
        "stroke", "coma", "death", "hypoglycemia", "hyperglycemia", "hyperkalemia", "hypokalemia",
        "hyponatremia", "hypernatremia", "acidosis", "alkalosis", "proteinuria", "hematuria", "oliguria",
        "anuria", "polyuria", "obesity", "cachexia", "malnutrition", "hypothermia", "hyperthermia",
        "catalepsy", "catatonia", "nystagmus", "ptosis", "mydriasis", "miosis", "photophobia", "sore throat",
        "runny nose", "congestion", "sneezing", "nosebleed", "epistaxis", "bruises", "scarring", "cognitive decline",
        "cognitive impairment", "brain fog", "fibro fog", "sleep disturbances", "sleep problems",
    ];
}
