from flask import Flask, request
from lxml import etree

app = Flask(__name__)
tree = etree.parse("users.xml")


@app.route("/find")
def find():
    name = request.args["name"]
    return str(tree.xpath("//user[@name='" + name + "']"))  # want: PW411


@app.route("/find2")
def find2():
    return str(etree.XPath("//item[@id=%s]" % request.args["id"])(tree))  # want: PW411


@app.route("/safe")
def safe():
    return str(tree.xpath("//user[@name=$name]", name=request.args["name"]))
