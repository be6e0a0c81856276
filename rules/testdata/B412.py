from wsgiref.handlers import CGIHandler  # want: B412
import wsgiref.handlers
wsgiref.handlers.CGIHandler().run(app)  # want: B412
from twisted.web import twcgi
twcgi.CGIScript(path)  # want: B412

from wsgiref.simple_server import make_server
