// Postcode look-up on the address step: shows the municipality and province as soon as
// four digits are typed. The form works without this script; the server checks again.
(function () {
  "use strict";
  var result = document.getElementById("postcode-result");
  var input = document.getElementById("postcode");
  if (!result || !input || !window.fetch) { return; }
  var base = result.getAttribute("data-lookup");
  var provinceWord = result.getAttribute("data-province-word");
  var mapWord = result.getAttribute("data-map-word");
  var mapBase = result.getAttribute("data-map");
  var mapAlt = result.getAttribute("data-map-alt");
  var last = null;

  function show(data) {
    result.classList.remove("error");
    result.textContent = "";
    var p = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = data.municipality;
    p.appendChild(strong);
    p.appendChild(document.createTextNode(", " + provinceWord + " " + data.province_name + " · "));
    var a = document.createElement("a");
    a.href = "https://www.openstreetmap.org/?mlat=" + data.lat + "&mlon=" + data.lon +
      "#map=14/" + data.lat + "/" + data.lon;
    a.textContent = mapWord;
    p.appendChild(a);
    result.appendChild(p);
    var img = document.createElement("img");
    img.className = "minimap";
    img.width = 420;
    img.src = mapBase + data.postcode + ".svg";
    img.alt = mapAlt.replace("{}", data.municipality);
    result.appendChild(img);
  }

  function problem(message) {
    result.textContent = "";
    var p = document.createElement("p");
    p.textContent = message;
    result.appendChild(p);
    result.classList.add("error");
  }

  function lookUp() {
    var value = input.value.trim();
    if (!/^\d{4}$/.test(value) || value === last) { return; }
    last = value;
    fetch(base + value, { headers: { "Accept": "application/json" } })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (answer) {
        if (input.value.trim() !== value) { return; }
        if (answer.ok) { show(answer.data); } else { problem(answer.data.message); }
      })
      .catch(function () { /* offline: the server checks the postcode on submit */ });
  }

  input.addEventListener("input", lookUp);
  input.addEventListener("change", lookUp);
}());
