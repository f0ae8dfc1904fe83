"""Small invented word lists for the simulated province: display names and postal-code areas.

The simulation has no names on purpose (docs/synth.md); the demo invents them from these lists,
deterministically by seed. A first name and a last name are drawn independently, so a record never
describes a real person.
"""

from __future__ import annotations

# First names by gender (women, then men), in English-speaking Ontario and in French.
FIRST_EN = (
    (
        "Aaliyah", "Ana", "Anjali", "Ashley", "Ayesha", "Chloe", "Deepa", "Emily", "Fatima", "Grace",
        "Hannah", "Isabella", "Jasmine", "Jennifer", "Layla", "Maria", "Mei", "Nadia", "Olivia", "Priya",
        "Rebecca", "Samantha", "Sarah", "Simran", "Zoe",
    ),
    (
        "Aiden", "Amir", "Andrew", "Brandon", "Carlos", "Daniel", "Ethan", "Hassan", "Jamal", "Jason",
        "Joshua", "Kevin", "Kyle", "Liam", "Lucas", "Matthew", "Michael", "Mohammed", "Noah", "Omar",
        "Rajesh", "Ryan", "Tyler", "Wei", "Yusuf",
    ),
)  # fmt: skip
FIRST_FR = (
    (
        "Amélie", "Annie", "Camille", "Chantal", "Émilie", "Geneviève", "Hélène", "Isabelle", "Josée",
        "Julie", "Manon", "Mélanie", "Nathalie", "Sophie", "Sylvie",
    ),
    (
        "Alexandre", "André", "Benoît", "Denis", "Éric", "François", "Guillaume", "Jacques", "Louis", "Luc",
        "Marc", "Mathieu", "Olivier", "Pascal", "Stéphane",
    ),
)  # fmt: skip
LAST_EN = (
    "Ahmed", "Ali", "Anderson", "Baker", "Brown", "Campbell", "Chen", "Clarke", "Da Silva", "Davis",
    "Fernandes", "Gill", "Grant", "Green", "Gupta", "Harris", "Hill", "Hussain", "Jackson", "Johnson",
    "Khan", "Kim", "Lam", "Lewis", "Li", "MacDonald", "Martin", "Mitchell", "Nguyen", "Patel",
    "Reid", "Robinson", "Rodrigues", "Scott", "Sharma", "Smith", "Taylor", "Thomas", "Thompson",
    "Walker", "Wang", "White", "Williams", "Wilson", "Wong", "Young", "Zhang",
)  # fmt: skip
LAST_FR = (
    "Bélanger", "Bergeron", "Bouchard", "Boucher", "Caron", "Cloutier", "Côté", "Desjardins", "Dubois",
    "Fortin", "Gagné", "Gauthier", "Girard", "Lachance", "Lalonde", "Landry", "Lapointe", "Leblanc",
    "Lefebvre", "Lévesque", "Morin", "Ouellette", "Paquette", "Pelletier", "Roy", "Savard", "Séguin",
    "Thibault", "Villeneuve",
)  # fmt: skip

# The first two characters of postal codes (forward sortation areas) found in each catchment.
POSTAL_AREAS: dict[str, tuple[str, ...]] = {
    "toronto": ("M1", "M2", "M3", "M4", "M5", "M6", "M8", "M9"),
    "peel": ("L5", "L6", "L7"),
    "york": ("L3", "L4", "L6"),
    "durham": ("L1",),
    "halton": ("L6", "L7", "L9"),
    "hamilton-niagara": ("L8", "L9", "L2", "L3", "N3"),
    "kitchener-waterloo-barrie": ("N2", "N1", "L4"),
    "london": ("N5", "N6"),
    "windsor-sarnia": ("N8", "N9", "N7"),
    "stratford-bruce": ("N4", "N5", "N0"),
    "muskoka-kawarthas": ("K9", "P1", "K0"),
    "kingston-pembroke": ("K7", "K8"),
    "ottawa": ("K1", "K2", "K4"),
    "northeast": ("P3", "P4", "P1"),
    "northwest": ("P7", "P8", "P9"),
}
POSTAL_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"  # letters allowed in the 3rd and 5th positions
