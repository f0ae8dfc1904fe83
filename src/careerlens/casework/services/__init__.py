"""Writes to casework records. Each service checks the actor's scope itself (``restrict`` with the change
action; outside it is ``Http404``) and raises ``ValidationError`` with a message for the person when a value
is not allowed. Every change is audited by the models' audit registration."""
